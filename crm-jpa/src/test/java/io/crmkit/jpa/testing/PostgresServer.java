package io.crmkit.jpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL server of a test JVM.
 *
 * <p>With {@code -Dcrmkit.test.postgres.url=jdbc:postgresql://host:5432/} (plus {@code .user} and
 * {@code .password}) the tests use an external server, whose user must be allowed to
 * {@code CREATE DATABASE}. Otherwise an embedded server is started from the zonky binaries on
 * Maven Central. When the JVM runs as root, zonky itself wraps {@code initdb}, {@code pg_ctl} and
 * {@code postgres} in {@code unshare -U} (a user namespace in which the process is not root), so
 * PostgreSQL's refusal to run as root does not apply; it needs util-linux's {@code unshare} and
 * unprivileged user namespaces, both present on stock Debian.
 *
 * <p>Thread-safe; started at most once, stopped by the JVM's shutdown hook.
 */
public final class PostgresServer {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    /**
     * Keeps server error details (which inline bound values, e.g. "Key (id_value)=(...)" and batch
     * entries) out of the driver's exception messages, which pools such as HikariCP log as they are.
     * The README recommends the same to every user.
     */
    static final String SAFE_ERRORS = "?logServerErrorDetail=false";
    /** The non-C locale of the second cluster (see {@link #localeEndpoint()}). */
    public static final String LOCALE = "en_US.UTF-8";
    private static ServerEndpoint endpoint;
    private static ServerEndpoint localeEndpoint;
    private static Duration startupTime = Duration.ZERO;

    private PostgresServer() {
    }

    static synchronized ServerEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /**
     * A second embedded cluster initialised with {@value #LOCALE} (initdb {@code --locale}), whose
     * default collation orders text by the locale's rules, not by bytes; with an external server
     * ({@code crmkit.test.postgres.url}) its databases are created with that collation instead
     * ({@code TEMPLATE template0 LC_COLLATE}). The machine must have the locale ({@code .ci/run}
     * generates it on Debian).
     */
    static synchronized ServerEndpoint localeEndpoint() {
        if (localeEndpoint == null) {
            String external = System.getProperty("crmkit.test.postgres.url");
            localeEndpoint = external != null && !external.isBlank() ? endpoint() : startLocale();
        }
        return localeEndpoint;
    }

    private static ServerEndpoint startLocale() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", LOCALE)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            LOG.info("embedded PostgreSQL ({}) started on port {}", LOCALE, pg.getPort());
            return new ServerEndpoint("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", SAFE_ERRORS,
                    "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL with locale " + LOCALE, e);
        }
    }

    /** How long the embedded server took to start, or zero for an external server. */
    public static synchronized Duration startupTime() {
        endpoint();
        return startupTime;
    }

    private static ServerEndpoint start() {
        String external = System.getProperty("crmkit.test.postgres.url");
        if (external != null && !external.isBlank()) {
            String prefix = external.endsWith("/") ? external : external + "/";
            return new ServerEndpoint(prefix, "postgres", SAFE_ERRORS,
                    System.getProperty("crmkit.test.postgres.user", "postgres"),
                    System.getProperty("crmkit.test.postgres.password", ""));
        }
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // throwaway cluster: durability is not under test here
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("embedded PostgreSQL started on port {} in {} ms", pg.getPort(), startupTime.toMillis());
            return new ServerEndpoint("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", SAFE_ERRORS,
                    "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}

package io.crmkit.jpa.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the PostgreSQL and MariaDB test servers on background threads as soon as the test
 * session opens, so their start-up overlaps with the H2 tests instead of adding to the run time.
 * A test that needs a server before it is up simply waits on the server's lock. Registered through
 * {@code META-INF/services}; switched off with {@code -Dcrmkit.test.warmup=false}.
 */
public final class ServerWarmup implements LauncherSessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWarmup.class);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.parseBoolean(System.getProperty("crmkit.test.warmup", "true"))) {
            return;
        }
        start("postgres-warmup", PostgresServer::endpoint);
        start("mariadb-warmup", MariaDbServer::endpoint);
    }

    private static void start(String name, Runnable starter) {
        Thread thread = new Thread(() -> {
            try {
                starter.run();
            } catch (RuntimeException e) {
                // the first test that needs the server retries and reports the failure itself
                LOG.warn("background start of a test database server failed", e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}

package io.crmkit.benchmarks.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.Rule;
import io.crmkit.core.signal.SignalEngine;
import io.crmkit.core.signal.SignalStats;
import io.crmkit.core.signal.TaskAction;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cost of writing the engine's alerts to PostgreSQL (embedded, zonky binaries), through the
 * engine's own writer: every event fires a rule, the time is from the first publish until the last
 * alert is committed. Batch size 1 (one transaction per alert) is the baseline, measured in the
 * same run as batches of 64 and 256, for alerts alone and for alert + task + interaction.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.realtime.AlertWriteRun [alerts]}
 */
public final class AlertWriteRun {
    private AlertWriteRun() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("shared_buffers", "512MB").start();
        JdbcConnectionPool pool = null;
        try {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE alerts");
            }
            PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
            cpds.setServerNames(new String[] {"localhost"});
            cpds.setPortNumbers(new int[] {pg.getPort()});
            cpds.setDatabaseName("alerts");
            cpds.setUser("postgres");
            cpds.setReWriteBatchedInserts(true);
            cpds.setLogServerErrorDetail(false);
            pool = JdbcConnectionPool.create(cpds);
            pool.setMaxConnections(8);
            JpaStoreConfig config = JpaStoreConfig.custom().batchWritesInTransactions(true).jdbcBatchSize(256).build();
            try (JpaCrmStore store = JpaCrmStore.create(pool, config)) {
                Crm crm = Crm.builder().store(store).build();
                CrmSession rm = crm.as(Actor.staff(StaffId.of("rm-1"), OrgUnitId.of("br-1"), "RM"));
                List<CustomerId> customers = new ArrayList<>();
                rm.inTransaction(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        customers.add(rm.customers().register(NewCustomer.individual("Customer " + i)
                                .owner(StaffId.of("rm-" + (i % 20))).active().build()).id());
                    }
                    return null;
                });
                Rule alertOnly = Rule.parse("every-login", "login.count(1s) >= 1").withSuppression(Duration.ZERO)
                        .withSeverity(AlertSeverity.LOW);
                Rule withActions = Rule.parse("every-login-acted", "login.count(1s) >= 1").withSuppression(Duration.ZERO)
                        .withTask(TaskAction.of("Follow up", TaskPriority.NORMAL, Duration.ofDays(1)))
                        .withInteraction(Channel.APP);
                int run = 0;
                run(crm, customers, alertOnly, 256, alerts / 4, run++, "warm-up");
                double base = run(crm, customers, alertOnly, 1, alerts / 4, run++, "alert only, batch 1 (baseline)");
                for (int batch : new int[] {64, 256}) {
                    double r = run(crm, customers, alertOnly, batch, alerts, run++, "alert only, batch " + batch);
                    System.out.printf("  ratio to batch 1: %.1fx%n", r / base);
                }
                double baseActed = run(crm, customers, withActions, 1, alerts / 4, run++, "alert + task + interaction, batch 1 (baseline)");
                double acted = run(crm, customers, withActions, 256, alerts, run++, "alert + task + interaction, batch 256");
                System.out.printf("  ratio to batch 1: %.1fx%n", acted / baseActed);
            }
        } finally {
            if (pool != null) {
                pool.dispose();
            }
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Publishes {@code n} firing events and waits until every alert is committed; returns alerts per second. */
    private static double run(Crm crm, List<CustomerId> customers, Rule rule, int batch, int n, int run, String what) {
        Instant start = Instant.parse("2026-01-05T00:00:00Z").plus(Duration.ofDays(run));
        long t0 = System.nanoTime();
        SignalStats stats;
        try (SignalEngine engine = SignalEngine.builder(crm).rule(rule).batchSize(batch).build()) {
            for (int i = 0; i < n; i++) {
                CustomerId c = customers.get(i % customers.size());
                engine.publish(HostEvent.login("r" + run + "-" + i, c, start.plusMillis(1_000L * (i / customers.size()))));
            }
            engine.flush();
            stats = engine.stats();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = stats.written() / seconds;
        System.out.printf("%s: %d alerts written in %.2f s = %,.0f alerts/s (%.0f us each); failed %d%n", what,
                stats.written(), seconds, rate, 1e6 / rate, stats.failed());
        return rate;
    }

}

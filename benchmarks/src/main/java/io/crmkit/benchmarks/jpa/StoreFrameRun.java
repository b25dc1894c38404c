package io.crmkit.benchmarks.jpa;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StandardFeatures;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.core.Crm;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;

/**
 * The feature frame read from PostgreSQL through crm-jpa against plain JDBC streaming the same
 * rows, interleaved in one run, then the whole night on PostgreSQL (read, score, tier write-back).
 *
 * <p>Data ({@link CopyLoader}, loaded with COPY): {@code customers} customers with one account and
 * one snapshot, one task each, and {@code interactions} interactions spread over about 800 days;
 * the reader's horizon (900 days) takes every interaction in, the window is 90 days.
 *
 * <p>Each round reads the frame with {@link StoreFeatureReader} over {@link JpaCrmStore} and runs
 * the plain JDBC baseline, in alternating order (ABBA): the same statements the store makes (the
 * customer, account and interaction streams with the store's fetch size, the snapshot and task
 * look-ups in batches of 1,000 ids), every document read as text and its length summed, no JSON
 * parsed. The reader's figure includes the store's JSON decoding and the frame's columns; the
 * ratio is reported per round and as the median of the rounds. Wall time and the calling thread's
 * CPU time are printed for both (the database server's CPU is not in the thread's figure).
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks.jar io.crmkit.benchmarks.jpa.StoreFrameRun [customers] [interactions] [rounds] [night]</pre>
 * {@code night} is {@code true} (default) to run the whole night after the rounds.
 */
public final class StoreFrameRun {
    private static final Instant NOW = Instant.parse("2028-03-31T12:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2028, 3, 31);
    private static final int WINDOW = 90;
    private static final int HORIZON = 900;
    private static final int FETCH = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreFrameRun() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long interactions = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        boolean night = args.length <= 3 || Boolean.parseBoolean(args[3]);
        try (BenchDatabase db = BenchDatabase.start("frame");
             JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().fetchSize(FETCH).build())) {
            long t0 = System.nanoTime();
            try (Connection c = db.pool.getConnection()) {
                CopyLoader loader = new CopyLoader(c);
                loader.customers(customers);
                loader.interactions(interactions, customers);
                loader.accounts(customers);
                loader.opportunitiesAndTasks(customers);
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
            System.out.printf(Locale.ROOT, "data set loaded in %.0f s; load average %s%n", (System.nanoTime() - t0) / 1e9,
                    load());
            for (String[] tier : new String[][] {{"PLATINUM", "1"}, {"GOLD", "2"}, {"SILVER", "3"}, {"BRONZE", "4"}}) {
                store.tiers().saveDefinition(TierDefinition.of(tier[0], tier[0], Integer.parseInt(tier[1])));
            }
            StoreFeatureReader reader = reader();
            rounds(db, store, reader, rounds);
            if (night) {
                night(db);
            }
        }
    }

    private static StoreFeatureReader reader() {
        return StoreFeatureReader.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).windowDays(WINDOW).horizonDays(HORIZON)
                .hostFeature(StandardFeatures.CONTRIBUTION, c -> (c.id().value().hashCode() & 1023) * 10.0)
                .hostFeature(StandardFeatures.MONETARY, c -> (c.id().value().hashCode() & 4095) * 25.0)
                .hostFeature(StandardFeatures.TRADES_CHANGE_PCT, c -> (c.id().value().hashCode() & 7) == 0 ? -70 : 0)
                .build();
    }

    private static void rounds(BenchDatabase db, JpaCrmStore store, StoreFeatureReader reader, int rounds) throws SQLException {
        // warm-up: one of each, not counted
        long rows = plainJdbc(db);
        FeatureFrame warm = reader.read(store, ProgressListener.none());
        System.out.printf(Locale.ROOT, "warm-up: frame of %,d customers; plain JDBC read %,d rows%n", warm.size(), rows);
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] frame;
            long[] plain;
            if (r % 2 == 0) {
                frame = timed(() -> reader.read(store, ProgressListener.none()).size());
                plain = timed(() -> plainJdbc(db));
            } else {
                plain = timed(() -> plainJdbc(db));
                frame = timed(() -> reader.read(store, ProgressListener.none()).size());
            }
            ratios[r] = (double) frame[0] / plain[0];
            cpuRatios[r] = (double) frame[1] / plain[1];
            System.out.printf(Locale.ROOT, "round %d (%s first): crm-jpa frame %.1f s wall (%.1f s thread CPU);"
                    + " plain JDBC %.1f s wall (%.1f s thread CPU), %,d rows; ratio %.2fx wall, %.2fx CPU; load %s%n",
                    r + 1, r % 2 == 0 ? "frame" : "JDBC", frame[0] / 1e9, frame[1] / 1e9, plain[0] / 1e9, plain[1] / 1e9,
                    plain[2], ratios[r], cpuRatios[r], load());
        }
        System.out.printf(Locale.ROOT, "median of %d per-round ratios: %.2fx wall (min %.2f, max %.2f), %.2fx thread CPU%n",
                rounds, median(ratios), Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                median(cpuRatios));
    }

    /**
     * The whole night for the firm: the frame from the store, the default job (RFM, value, churn,
     * percentile tiers), the previous state and overrides from the store, and every tier change
     * written back through the tier service. Run twice: the first night assigns every customer a
     * tier, the second is a steady night with few changes. Write-back is one
     * {@code assignAllByRule} unit of work per chunk ({@link CoreTierSync#write}), on a store that
     * batches the unit's writes.
     */
    private static void night(BenchDatabase db) {
        // The night's own store, as a host would configure a batch job: writes inside a unit of work
        // (one chunk of tier changes) go to the database in JDBC batches at commit.
        try (JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().fetchSize(FETCH).migrate(false)
                .batchWritesInTransactions(true).build())) {
            Crm crm = Crm.builder().store(store).build();
            CoreTierSync sync = CoreTierSync.of(crm.as(Actor.system("nightly-tiering")), store);
            NightlyJob job = NightlyJob.custom().tiers(TierEngine.of(NightlyJob.ofDefaults().tierEngine().policy(),
                    TierEngineConfig.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())).build();
            StoreFeatureReader reader = reader();
            for (int n = 1; n <= 2; n++) {
                long[] t = new long[5];
                long[] cpu = new long[5];
                mark(t, cpu, 0);
                StageClock stages = new StageClock();
                FeatureFrame frame = reader.read(store, stages);
                mark(t, cpu, 1);
                System.out.println("  read by stage (calling thread's CPU, from the reader's progress): " + stages);
                var previous = sync.previousState(frame, sync.ladder(), key -> 0);
                var overrides = sync.overrides(frame, NOW);
                mark(t, cpu, 2);
                NightlyResult result = job.run(frame, previous, overrides, ProgressListener.none());
                mark(t, cpu, 3);
                TierRun tiers = result.tiers();
                int written = sync.write(tiers, frame);
                mark(t, cpu, 4);
                System.out.printf(Locale.ROOT, "night %d: %,d customers, %,d tier changes written; read %s, previous state"
                        + " and overrides %s, scoring %s, write-back %s; whole night %s (wall / calling thread's CPU); load %s%n",
                        n, frame.size(), written, span(t, cpu, 0, 1), span(t, cpu, 1, 2), span(t, cpu, 2, 3), span(t, cpu, 3, 4),
                        span(t, cpu, 0, 4), load());
            }
        }
    }

    /** Thread CPU per progress stage of the reader: each report's CPU since the previous report goes to its stage. */
    private static final class StageClock implements ProgressListener {
        private final java.util.Map<String, Long> cpu = new java.util.LinkedHashMap<>();
        private long last = THREADS.getCurrentThreadCpuTime();

        @Override
        public void onProgress(String stage, long done, long total) {
            long now = THREADS.getCurrentThreadCpuTime();
            cpu.merge(stage, now - last, Long::sum);
            last = now;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            cpu.forEach((stage, nanos) -> b.append(b.length() == 0 ? "" : ", ").append(stage)
                    .append(String.format(Locale.ROOT, " %.2f s", nanos / 1e9)));
            return b.toString();
        }
    }

    private static void mark(long[] wall, long[] cpu, int i) {
        wall[i] = System.nanoTime();
        cpu[i] = THREADS.getCurrentThreadCpuTime();
    }

    private static String span(long[] wall, long[] cpu, int from, int to) {
        return String.format(Locale.ROOT, "%.1f s / %.1f s", (wall[to] - wall[from]) / 1e9, (cpu[to] - cpu[from]) / 1e9);
    }

    /** The reader's statements over plain JDBC: every document as text, lengths summed; returns the rows read. */
    static long plainJdbc(BenchDatabase db) throws SQLException {
        long[] rows = {0};
        long[] sum = {0};
        try (Connection c = db.pool.getConnection()) {
            c.setAutoCommit(false); // the PostgreSQL driver uses a cursor only inside a transaction
            List<String> customerIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select doc, version, id from crm_customer order by id")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum[0] += rs.getString(1).length() + rs.getLong(2);
                        customerIds.add(rs.getString(3));
                        rows[0]++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select code, name, tier_rank from crm_tier_definition");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum[0] += rs.getString(1).length();
                }
            }
            try (PreparedStatement accounts = c.prepareStatement("select doc, version, id from crm_account order by id");
                 PreparedStatement snaps = c.prepareStatement("select s.doc from crm_account_snapshot s"
                         + " where s.account_id = any(?) and s.as_of = (select max(s2.as_of) from crm_account_snapshot s2"
                         + " where s2.account_id = s.account_id and s2.as_of <= ?)")) {
                accounts.setFetchSize(FETCH);
                List<String> batch = new ArrayList<>(Batch.MAX_IDS);
                try (ResultSet rs = accounts.executeQuery()) {
                    while (rs.next()) {
                        sum[0] += rs.getString(1).length() + rs.getLong(2);
                        batch.add(rs.getString(3));
                        rows[0]++;
                        if (batch.size() == Batch.MAX_IDS) {
                            snapshots(c, snaps, batch, rows, sum);
                        }
                    }
                }
                snapshots(c, snaps, batch, rows, sum);
            }
            try (PreparedStatement ps = c.prepareStatement("select doc, version from crm_interaction"
                    + " where occurred_at >= ? and occurred_at <= ? order by occurred_at, occurred_nano, id")) {
                ps.setFetchSize(FETCH);
                ps.setTimestamp(1, Timestamp.from(AS_OF.minusDays(HORIZON).atStartOfDay(ZoneOffset.UTC).toInstant()));
                ps.setTimestamp(2, Timestamp.from(AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum[0] += rs.getString(1).length() + rs.getLong(2);
                        rows[0]++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select doc, version from crm_task where customer_id = any(?)")) {
                for (int from = 0; from < customerIds.size(); from += Batch.MAX_IDS) {
                    List<String> ids = customerIds.subList(from, Math.min(customerIds.size(), from + Batch.MAX_IDS));
                    Array array = c.createArrayOf("varchar", ids.toArray());
                    ps.setArray(1, array);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sum[0] += rs.getString(1).length() + rs.getLong(2);
                            rows[0]++;
                        }
                    }
                    array.free();
                }
            }
            c.commit();
        }
        if (sum[0] == 42) {
            System.out.println("(keeps the sum alive)");
        }
        return rows[0];
    }

    private static void snapshots(Connection c, PreparedStatement ps, List<String> batch, long[] rows, long[] sum)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Array array = c.createArrayOf("varchar", batch.toArray());
        for (LocalDate date : new LocalDate[] {AS_OF, AS_OF.minusDays(WINDOW)}) {
            ps.setArray(1, array);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum[0] += rs.getString(1).length();
                    rows[0]++;
                }
            }
        }
        array.free();
        batch.clear();
    }

    private interface Work {
        long run() throws SQLException;
    }

    /** Wall nanos, thread CPU nanos, the work's result. */
    private static long[] timed(Work work) throws SQLException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long result = work.run();
        return new long[] {System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - cpu, result};
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}

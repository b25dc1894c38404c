package io.crmkit.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.json.CrmJson;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;

/**
 * Scale run: bulk insert of interactions into PostgreSQL three ways in one run, each into an
 * emptied table: (1) through the JPA store with write batching, (2) raw JDBC batch inserts of the
 * same rows (same columns, same JSON document), (3) naively, one store call and one commit per row
 * (on fewer rows). Prints rows per second for each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.jpa.BulkInsertRun [rows] [naiveRows]</pre>
 */
public final class BulkInsertRun {
    private static final int CHUNK = 10_000;
    private static final int BATCH = 1_000;
    private static final ObjectMapper JSON = CrmJson.mapper();

    private BulkInsertRun() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int naiveRows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (BenchDatabase db = BenchDatabase.start("bulk")) {
            JpaStoreConfig batched = JpaStoreConfig.custom().batchWritesInTransactions(true).jdbcBatchSize(BATCH).build();
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource(), batched);
                 JpaCrmStore naive = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().migrate(false).build())) {
                // warm-up: JIT, statement caches, table files
                viaStore(store, 0, 20_000);
                viaJdbc(db, 20_000, 20_000);
                viaNaive(naive, 40_000, 2_000);

                double jdbc = measure(db, "raw JDBC batch", rows, () -> viaJdbc(db, 0, rows));
                double viaStore = measure(db, "JpaCrmStore (batched)", rows, () -> viaStore(store, 0, rows));
                double viaNaive = measure(db, "naive save+commit per row", naiveRows, () -> viaNaive(naive, 0, naiveRows));
                System.out.printf(Locale.ROOT, "store / raw JDBC = %.2f ; store / naive = %.1f%n",
                        viaStore / jdbc, viaStore / viaNaive);
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double measure(BenchDatabase db, String name, int rows, Work work) throws Exception {
        truncate(db);
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = rows / seconds;
        System.out.printf(Locale.ROOT, "%-28s %,10d rows in %8.1f s = %,10.0f rows/s%n", name, rows, seconds, rate);
        return rate;
    }

    private static void truncate(BenchDatabase db) throws SQLException {
        try (Connection c = db.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE crm_interaction");
            s.execute("CHECKPOINT");
        }
    }

    static void viaStore(JpaCrmStore store, long from, int rows) {
        for (long start = from; start < from + rows; start += CHUNK) {
            long first = start;
            long end = Math.min(from + rows, start + CHUNK);
            store.runInTransaction(() -> {
                for (long n = first; n < end; n++) {
                    store.interactions().save(Records.interaction(n, n % 100_000));
                }
            });
        }
    }

    static void viaNaive(JpaCrmStore store, long from, int rows) {
        for (long n = from; n < from + rows; n++) {
            store.interactions().save(Records.interaction(n, n % 100_000));
        }
    }

    static void viaJdbc(BenchDatabase db, long from, int rows) throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO crm_interaction (id, customer_id, occurred_at, occurred_nano, channel, ext_system,"
                + " ext_id, version, created_at, created_by, updated_at, updated_by, doc)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (long n = from; n < from + rows; n++) {
                Interaction i = Records.interaction(n, n % 100_000);
                Interaction stored = i.withMeta(i.meta().nextVersion());
                ps.setString(1, i.id().value());
                ps.setString(2, i.customerId().value());
                ps.setTimestamp(3, Timestamp.from(i.occurredAt().truncatedTo(ChronoUnit.MICROS)));
                ps.setInt(4, i.occurredAt().getNano());
                ps.setString(5, i.channel().name());
                ps.setString(6, null);
                ps.setString(7, null);
                ps.setLong(8, 1);
                ps.setTimestamp(9, Timestamp.from(stored.meta().createdAt()));
                ps.setString(10, stored.meta().createdBy());
                ps.setTimestamp(11, Timestamp.from(stored.meta().updatedAt()));
                ps.setString(12, stored.meta().updatedBy());
                ps.setString(13, JSON.writeValueAsString(stored));
                ps.addBatch();
                if ((n - from + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
                if ((n - from + 1) % CHUNK == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }
}

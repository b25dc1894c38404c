package io.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.task.Task;

/**
 * Loads the 360 data set with PostgreSQL's COPY in CSV form: the same rows the store writes (the
 * queried columns plus the JSON document), at a rate a JDBC insert could not reach for tens of
 * millions of rows. Not thread-safe.
 */
final class CopyLoader {
    private static final ObjectMapper JSON = CrmJson.mapper();
    private static final String META_COLS = "version, created_at, created_by, updated_at, updated_by, doc";
    private final Connection connection;

    CopyLoader(Connection connection) {
        this.connection = connection;
    }

    void customers(long count) throws SQLException, IOException {
        copy("crm_customer (id, customer_type, lifecycle, owner_id, branch_id, tier_code, " + META_COLS + ")", count, n -> {
            Customer c = Records.customer(n);
            return row(c.id().value(), c.type().name(), c.lifecycle().name(), c.owner().value(), null, null) + meta(c);
        });
    }

    void interactions(long count, long customers) throws SQLException, IOException {
        copyInteractions(count, customers);
    }

    private void copyInteractions(long count, long customers) throws SQLException, IOException {
        copy("crm_interaction (id, customer_id, occurred_at, occurred_nano, channel, ext_system, ext_id, " + META_COLS + ")",
                count, n -> {
                    Interaction i = Records.interaction(n, n % customers);
                    return row(i.id().value(), i.customerId().value(),
                            i.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), Integer.toString(i.occurredAt().getNano()),
                            i.channel().name(), null, null) + meta(i);
                });
    }

    void accounts(long count) throws SQLException, IOException {
        copy("crm_account (id, customer_id, host_system, external_id, " + META_COLS + ")", count, n -> {
            var a = Records.account(n);
            return row(a.id().value(), a.customerId().value(), a.hostSystem(), a.externalId()) + meta(a);
        });
        copy("crm_account_snapshot (account_id, as_of, doc)", count, n -> {
            AccountSnapshot s = Records.snapshot(n);
            return row(s.accountId().value(), s.asOf().toString(), json(s));
        });
    }

    void opportunitiesAndTasks(long count) throws SQLException, IOException {
        copy("crm_opportunity (id, customer_id, pipeline_id, stage, status, owner_id, " + META_COLS + ")", count, n -> {
            Opportunity o = Records.opportunity(n);
            return row(o.id().value(), o.customerId().value(), o.pipelineId().value(), o.stage(), o.status().name(),
                    o.owner().value()) + meta(o);
        });
        copy("crm_task (id, assignee_id, status, due_at, due_nano, customer_id, " + META_COLS + ")", count, n -> {
            Task t = Records.task(n);
            return row(t.id().value(), t.assignee().value(), t.status().name(),
                    t.dueAt().truncatedTo(ChronoUnit.MICROS).toString(), Integer.toString(t.dueAt().getNano()),
                    t.customerId().value()) + meta(t);
        });
    }

    /**
     * Replaces the table's rows with {@code count} generated lines in one transaction: TRUNCATE, drop
     * the secondary indexes and unique constraints, COPY ... FREEZE, rebuild them. Building an index
     * once is several times faster than maintaining it row by row (the primary keys stay: the
     * generated ids ascend); FREEZE writes the rows frozen and all-visible, so the VACUUM after the
     * load rewrites nothing, and on a {@code wal_level=minimal} server the table is not WAL-logged.
     * The lines are generated on a few threads in blocks, written in order.
     */
    private void copy(String target, long count, LongFunction<String> line) throws SQLException, IOException {
        long t0 = System.nanoTime();
        String table = target.substring(0, target.indexOf(' '));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + table + " CASCADE");
            java.util.List<String> rebuild = dropSecondaryIndexes(s, table);
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv, FREEZE)");
            try (Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(new PGCopyOutputStream(in), 1 << 20),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                writeLines(w, count, line);
            }
            long t1 = System.nanoTime();
            for (String ddl : rebuild) {
                s.execute(ddl);
            }
            connection.commit();
            System.out.printf("loaded %,d rows into %s in %.1f s (of which %.1f s rebuilding %d indexes)%n", count, table,
                    (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t1) / 1e9, rebuild.size());
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Drops the table's indexes and unique constraints other than its primary key; returns the DDL that rebuilds them. */
    private static java.util.List<String> dropSecondaryIndexes(java.sql.Statement s, String table) throws SQLException {
        java.util.List<String> drop = new java.util.ArrayList<>();
        java.util.List<String> rebuild = new java.util.ArrayList<>();
        try (var rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"
                + table + "'::regclass AND contype = 'u'")) {
            while (rs.next()) {
                drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                rebuild.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
            }
        }
        try (var rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
                + " AND i.tablename = '" + table + "' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
            while (rs.next()) {
                drop.add("DROP INDEX " + rs.getString(1));
                rebuild.add(rs.getString(2));
            }
        }
        for (String ddl : drop) {
            s.execute(ddl);
        }
        return rebuild;
    }

    private static void writeLines(Writer w, long count, LongFunction<String> line) throws IOException {
        int block = 20_000;
        int threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<String>> ahead = new java.util.ArrayDeque<>();
            for (long from = 0; from < count || !ahead.isEmpty(); ) {
                while (from < count && ahead.size() < 2 * threads) {
                    long start = from;
                    long end = Math.min(count, from + block);
                    ahead.add(pool.submit(() -> {
                        StringBuilder b = new StringBuilder();
                        for (long n = start; n < end; n++) {
                            b.append(line.apply(n)).append('\n');
                        }
                        return b.toString();
                    }));
                    from = end;
                }
                w.write(ahead.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating rows", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <A extends Aggregate<?, A>> String meta(A aggregate) {
        A stored = aggregate.withMeta(aggregate.meta().nextVersion());
        Meta m = stored.meta();
        return "," + row(Long.toString(m.version()), m.createdAt().toString(), m.createdBy(), m.updatedAt().toString(),
                m.updatedBy(), json(stored));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CSV fields; null is an empty unquoted field, which COPY reads as NULL. */
    private static String row(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (fields[i] != null) {
                b.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
            }
        }
        return b.toString();
    }
}

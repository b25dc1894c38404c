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
        // building the indexes once after the load is several times faster than maintaining them row by row
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("DROP INDEX ix_crm_interaction_timeline");
            s.execute("DROP INDEX ix_crm_interaction_time");
            s.execute("ALTER TABLE crm_interaction DROP CONSTRAINT uk_crm_interaction_external");
        }
        copyInteractions(count, customers);
        long t0 = System.nanoTime();
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX ix_crm_interaction_timeline ON crm_interaction (customer_id, occurred_at, occurred_nano, id)");
            s.execute("CREATE INDEX ix_crm_interaction_time ON crm_interaction (occurred_at, occurred_nano, id)");
            s.execute("ALTER TABLE crm_interaction ADD CONSTRAINT uk_crm_interaction_external UNIQUE (ext_system, ext_id)");
        }
        System.out.printf("rebuilt the interaction indexes in %.1f s%n", (System.nanoTime() - t0) / 1e9);
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

    private void copy(String target, long count, LongFunction<String> line) throws SQLException, IOException {
        long t0 = System.nanoTime();
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)");
        try (Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(new PGCopyOutputStream(in), 1 << 20),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (long n = 0; n < count; n++) {
                w.write(line.apply(n));
                w.write('\n');
            }
        }
        System.out.printf("loaded %,d rows into %s in %.1f s%n", count, target.substring(0, target.indexOf(' ')),
                (System.nanoTime() - t0) / 1e9);
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

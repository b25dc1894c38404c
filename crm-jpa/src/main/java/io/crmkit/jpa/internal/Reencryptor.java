package io.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.Staff;
import io.crmkit.core.task.Task;
import io.crmkit.jpa.crypto.KeyRotation;
import io.crmkit.jpa.crypto.RotationReport;

/**
 * The re-encryption job of {@link KeyRotation}: walks each table with marked fields by primary key,
 * one locked batch per transaction, and rewrites the documents and blind indexes that are not under
 * the primary key. It never changes a row's version or content (a rewritten document decrypts to
 * the same record), so it is neither audited nor seen as a conflict by concurrent writers; the
 * {@code FOR UPDATE} lock makes a concurrent write of the same row wait for the batch.
 *
 * <p>Thread-safe: holds no per-call state.
 */
final class Reencryptor implements KeyRotation {
    /** Most rows one batch locks. */
    static final int MAX_BATCH = 10_000;
    /** Full passes {@link #runToEnd} makes at most (a write racing the rotation may leave a row under the old key). */
    private static final int MAX_PASSES = 3;

    /** A table of one aggregate type with a text primary key {@code id} and a {@code doc} column. */
    private record Table(String name, Class<?> type) {
    }

    // every aggregate table; a new aggregate table joins the rotation here
    private static final List<Table> ALL = List.of(new Table("crm_customer", Customer.class),
            new Table("crm_contact", Contact.class), new Table("crm_relationship", Relationship.class),
            new Table("crm_account", LinkedAccount.class), new Table("crm_interaction", Interaction.class),
            new Table("crm_pipeline", Pipeline.class), new Table("crm_opportunity", Opportunity.class),
            new Table("crm_task", Task.class), new Table("crm_org_unit", OrgUnit.class),
            new Table("crm_staff", Staff.class), new Table("crm_audit_entry", AuditEntry.class),
            new Table("crm_pending_request", PendingRequest.class), new Table("crm_alert", Alert.class));

    private final Transactions tx;
    private final Documents documents;
    private final List<Table> tables;

    Reencryptor(Transactions tx, Documents documents) {
        this.tx = tx;
        this.documents = documents;
        List<Table> t = new ArrayList<>();
        for (Table table : ALL) {
            if (documents.encrypts(table.type)
                    || (table.type == Customer.class && documents.identifierIndex())
                    || (table.type == LinkedAccount.class && documents.accountIndex())) {
                t.add(table);
            }
        }
        this.tables = List.copyOf(t);
    }

    @Override
    public RotationReport step(@Nullable String cursor, int batchSize) {
        Check.range(batchSize, 1, MAX_BATCH, "batchSize");
        int tableIndex = 0;
        String after = null;
        if (cursor != null) {
            int colon = cursor.indexOf(':');
            String name = colon < 0 ? cursor : cursor.substring(0, colon);
            tableIndex = -1;
            for (int i = 0; i < tables.size(); i++) {
                if (tables.get(i).name.equals(name)) {
                    tableIndex = i;
                }
            }
            if (tableIndex < 0 || colon < 0) {
                throw ValidationException.of("cursor", "Cursor", "is not a cursor of this job");
            }
            after = cursor.substring(colon + 1);
            if (after.length() > 64) {
                throw ValidationException.of("cursor", "Cursor", "is not a cursor of this job");
            }
        }
        if (tableIndex >= tables.size()) {
            return new RotationReport(0, 0, null);
        }
        Table table = tables.get(tableIndex);
        String from = after;
        long[] counts = new long[2];
        String last = tx.inTransaction(() -> tx.run(em -> batch(em, table, from, batchSize, counts)));
        String next;
        if (last != null && counts[0] == batchSize) {
            next = table.name + ":" + last;
        } else {
            // an empty "after" starts the next table from its first row
            next = tableIndex + 1 < tables.size() ? tables.get(tableIndex + 1).name + ":" : null;
        }
        return new RotationReport(counts[0], counts[1], next);
    }

    /** Rewrites one locked batch; returns the last id seen, or {@code null} when the table has no more rows. */
    private @Nullable String batch(EntityManager em, Table table, @Nullable String after, int size, long[] counts) {
        boolean fromStart = after == null || after.isEmpty();
        jakarta.persistence.Query q = em.createNativeQuery("select id, doc from " + table.name
                + (fromStart ? "" : " where id > :a") + " order by id limit " + size + " for update");
        if (!fromStart) {
            q.setParameter("a", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        String last = null;
        try {
            for (Object[] r : rows) {
                String id = (String) r[0];
                last = id;
                counts[0]++;
                if (rewrite(em, table, id, text(r[1]))) {
                    counts[1]++;
                }
            }
        } catch (CrmException e) {
            throw e;
        } catch (RuntimeException e) {
            tx.markRollbackOnly();
            throw ExceptionTranslator.translate(e);
        }
        return last;
    }

    private boolean rewrite(EntityManager em, Table table, String id, String doc) {
        String fresh = documents.reencrypt(doc, table.type);
        boolean changed = false;
        if (fresh != null) {
            em.createNativeQuery("update " + table.name + " set doc = :d where id = :i")
                    .setParameter("d", fresh).setParameter("i", id).executeUpdate();
            changed = true;
        }
        String current = fresh == null ? doc : fresh;
        if (table.type == Customer.class && documents.identifierIndex()) {
            changed |= reindexIdentifiers(em, id, current);
        }
        if (table.type == LinkedAccount.class && documents.accountIndex()) {
            changed |= reindexAccount(em, id, current);
        }
        return changed;
    }

    private boolean reindexIdentifiers(EntityManager em, String customerId, String doc) {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select id_type, issuer, id_value from crm_customer_identifier"
                + " where customer_id = :c").setParameter("c", customerId).getResultList();
        if (stored.stream().allMatch(r -> !documents.staleIndex((String) r[2], true))) {
            return false;
        }
        Customer c = documents.read(doc, Customer.class);
        for (Identifier i : c.identifiers()) {
            em.createNativeQuery("update crm_customer_identifier set id_value = :v"
                    + " where customer_id = :c and id_type = :t and issuer = :s")
                    .setParameter("v", documents.identifierColumn(i)).setParameter("c", customerId)
                    .setParameter("t", i.type().name()).setParameter("s", i.issuer()).executeUpdate();
        }
        return true;
    }

    private boolean reindexAccount(EntityManager em, String accountId, String doc) {
        Object stored = em.createNativeQuery("select external_id from crm_account where id = :i")
                .setParameter("i", accountId).getSingleResult();
        if (!documents.staleIndex((String) stored, true)) {
            return false;
        }
        LinkedAccount a = documents.read(doc, LinkedAccount.class);
        em.createNativeQuery("update crm_account set external_id = :x where id = :i")
                .setParameter("x", documents.accountColumn(a.hostSystem(), a.externalId()))
                .setParameter("i", accountId).executeUpdate();
        return true;
    }

    @Override
    public RotationReport runToEnd(int batchSize) {
        Check.range(batchSize, 1, MAX_BATCH, "batchSize");
        long scanned = 0;
        long rewritten = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            long passRewritten = 0;
            String cursor = null;
            do {
                RotationReport r = step(cursor, batchSize);
                scanned += r.scanned();
                passRewritten += r.rewritten();
                cursor = r.cursor();
            } while (cursor != null);
            rewritten += passRewritten;
            if (passRewritten == 0) {
                break;
            }
        }
        return new RotationReport(scanned, rewritten, null);
    }

    @Override
    public long remaining() {
        long stale = 0;
        for (Table table : tables) {
            String after = "";
            while (after != null) {
                String from = after;
                long[] count = {0};
                after = tx.inTransaction(() -> tx.run(em -> countStale(em, table, from, count)));
                stale += count[0];
            }
        }
        return stale;
    }

    private @Nullable String countStale(EntityManager em, Table table, String after, long[] count) {
        int size = 500;
        jakarta.persistence.Query q = em.createNativeQuery("select id, doc from " + table.name
                + (after.isEmpty() ? "" : " where id > :a") + " order by id limit " + size);
        if (!after.isEmpty()) {
            q.setParameter("a", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        String last = null;
        for (Object[] r : rows) {
            last = (String) r[0];
            boolean stale = documents.stale(text(r[1]), table.type);
            if (!stale && table.type == Customer.class && documents.identifierIndex()) {
                stale = em.createNativeQuery("select id_value from crm_customer_identifier where customer_id = :c")
                        .setParameter("c", last).getResultList().stream()
                        .anyMatch(v -> documents.staleIndex((String) v, true));
            }
            if (!stale && table.type == LinkedAccount.class && documents.accountIndex()) {
                stale = documents.staleIndex((String) em.createNativeQuery("select external_id from crm_account where id = :i")
                        .setParameter("i", last).getSingleResult(), true);
            }
            if (stale) {
                count[0]++;
            }
        }
        return rows.size() < size ? null : last;
    }

    private static String text(Object column) {
        if (column instanceof java.sql.Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (java.sql.SQLException e) {
                throw ExceptionTranslator.translate(new jakarta.persistence.PersistenceException(e));
            }
        }
        return String.valueOf(column);
    }
}

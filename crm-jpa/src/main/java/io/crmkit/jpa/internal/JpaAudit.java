package io.crmkit.jpa.internal;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.spi.AuditCursor;
import io.crmkit.core.spi.AuditRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * The audit trail on JPA: one row per entry, appended in the caller's transaction. Pages are
 * keyset-paged on {@code (entry_at, id)} descending. Thread-safe.
 */
final class JpaAudit implements AuditRepository {
    private static final String NEWEST_FIRST = " order by e.at desc, e.id desc";
    private final Transactions tx;
    private final StoreSettings settings;
    /**
     * The streams this store appended to through each open session (weakly held: a session ends
     * with its transaction). {@link #last} of any other stream runs its query without an auto-flush:
     * with batched writes a flush dirty-checks every entity the transaction holds, and an import
     * asking {@code last} once per new customer spent 80% of its time there (JFR, 20,000 rows on
     * PostgreSQL). A stream this session did append to is queried with the flush, as before.
     */
    private final java.util.Map<Object, java.util.Set<String>> appended =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    JpaAudit(Transactions tx, StoreSettings settings) {
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public void append(AuditEntry entry) {
        Check.notNull(entry, "entry");
        tx.run(em -> {
            try {
                AuditEntryEntity e = new AuditEntryEntity();
                e.id = entry.id();
                e.streamType = entry.streamType();
                e.streamId = entry.streamId();
                e.seq = entry.seq();
                e.customerId = entry.customerId() == null ? null : entry.customerId().value();
                e.actorId = entry.actorId();
                e.at = entry.at();
                e.doc = settings.documents().write(entry);
                em.persist(e);
                remember(em, entry);
                if (!settings.batchWrites()) {
                    em.flush();
                }
                return null;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failed(entry, e);
            }
        });
    }

    /**
     * One statement: the row is inserted only if the chain's entry {@code seq - 1} is
     * {@code previousId} and {@code seq} is free, so the common case of an audited write needs no
     * read of the chain's head. Queued writes ({@code batchWritesInTransactions}) take the default
     * path instead, as a statement here would flush the queue.
     */
    @Override
    public boolean appendAfter(AuditEntry entry, String previousId) {
        Check.notNull(entry, "entry");
        Check.notNull(previousId, "previousId");
        Check.that(entry.seq() > 1, "entry", "HasPredecessor", "the first entry of a chain has none");
        if (settings.batchWrites()) {
            return AuditRepository.super.appendAfter(entry, previousId);
        }
        return tx.run(em -> {
            try {
                int inserted = em.createNativeQuery(APPEND_AFTER)
                        .unwrap(org.hibernate.query.NativeQuery.class)
                        .addSynchronizedEntityClass(AuditEntryEntity.class)
                        .setParameter("id", entry.id()).setParameter("t", entry.streamType()).setParameter("s", entry.streamId())
                        .setParameter("q", entry.seq()).setParameter("p", entry.seq() - 1).setParameter("prev", previousId)
                        .setParameter("c", entry.customerId() == null ? null : entry.customerId().value(), String.class)
                        .setParameter("a", entry.actorId()).setParameter("at", entry.at(), Instant.class)
                        .setParameter("doc", settings.documents().write(entry)).executeUpdate();
                if (inserted == 1) {
                    remember(em, entry);
                }
                return inserted == 1;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failed(entry, e);
            }
        });
    }

    /** Notes that this session appended to the entry's chain. */
    private void remember(jakarta.persistence.EntityManager em, AuditEntry entry) {
        appended.computeIfAbsent(session(em), k -> new java.util.HashSet<>()).add(entry.streamType() + '\u0001' + entry.streamId());
    }

    /** A failed append, translated (a taken position is a conflict on the chain); the unit can only roll back. */
    private RuntimeException failed(AuditEntry entry, RuntimeException e) {
        tx.markRollbackOnly();
        RuntimeException t = ExceptionTranslator.translate(e, entry.streamType(), entry.streamId(), entry.seq() - 1);
        return t instanceof io.crmkit.core.error.DuplicateKeyException
                ? new ConflictException(entry.streamType(), entry.streamId(), entry.seq() - 1) : t;
    }

    /** The predecessor's row is the one row selected from, so no dialect needs a {@code DUAL}. */
    private static final String APPEND_AFTER = "insert into crm_audit_entry"
            + " (id, stream_type, stream_id, seq, customer_id, actor_id, entry_at, doc)"
            + " select :id, :t, :s, :q, :c, :a, :at, :doc from crm_audit_entry p"
            + " where p.stream_type = :t and p.stream_id = :s and p.seq = :p and p.id = :prev"
            + " and not exists (select 1 from crm_audit_entry n where n.stream_type = :t and n.stream_id = :s and n.seq = :q)";

    @Override
    public Optional<AuditEntry> last(String streamType, String streamId) {
        Check.notNull(streamType, "streamType");
        Check.notNull(streamId, "streamId");
        return tx.run(em -> {
            java.util.Set<String> own = appended.get(session(em));
            boolean touched = own != null && own.contains(streamType + '\u0001' + streamId);
            TypedQuery<String> q = em.createQuery("select e.doc from AuditEntry e where e.streamType = :t and e.streamId = :i"
                    + " order by e.seq desc", String.class).setParameter("t", streamType).setParameter("i", streamId);
            if (!touched) {
                // this session appended nothing to the stream, so no entry of it waits to be flushed:
                // the rows in the database are the whole answer, and the flush can be skipped
                q.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            }
            return q.setMaxResults(1).getResultList().stream().findFirst().map(this::read);
        });
    }

    /** One statement for the batch: each chain's entry with the highest seq, flushed first only if this session wrote to one of them. */
    @Override
    public java.util.Map<String, AuditEntry> lastOf(String streamType, java.util.Collection<String> streamIds) {
        Check.notNull(streamType, "streamType");
        Check.notNull(streamIds, "streamIds");
        Check.that(streamIds.size() <= io.crmkit.core.spi.Batch.MAX_IDS, "streamIds", "Size",
                "must have at most " + io.crmkit.core.spi.Batch.MAX_IDS + " entries");
        java.util.List<String> ids = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(streamIds));
        ids.forEach(id -> Check.notNull(id, "streamIds"));
        java.util.Map<String, AuditEntry> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        return tx.run(em -> {
            java.util.Set<String> own = appended.get(session(em));
            boolean touched = own != null && ids.stream().anyMatch(id -> own.contains(streamType + '\u0001' + id));
            TypedQuery<Object[]> q = em.createQuery("select e.streamId, e.doc from AuditEntry e where e.streamType = :t"
                    + " and e.streamId in :ids and e.seq = (select max(x.seq) from AuditEntry x"
                    + " where x.streamType = e.streamType and x.streamId = e.streamId)", Object[].class)
                    .setParameter("t", streamType).setParameter("ids", ids);
            if (!touched) {
                q.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            }
            java.util.Map<String, AuditEntry> found = new java.util.HashMap<>();
            for (Object[] row : q.getResultList()) {
                found.put((String) row[0], read((String) row[1]));
            }
            for (String id : ids) {
                AuditEntry e = found.get(id);
                if (e != null) {
                    out.put(id, e);
                }
            }
            return out;
        });
    }

    @Override
    public Page<AuditEntry> byCustomer(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        return page("e.customerId = :k", customerId.value(), page);
    }

    @Override
    public Page<AuditEntry> byActor(String actorId, PageRequest page) {
        Check.notNull(actorId, "actorId");
        Check.notNull(page, "page");
        return page("e.actorId = :k", actorId, page);
    }

    private Page<AuditEntry> page(String condition, String key, PageRequest page) {
        AuditCursor cursor = page.after() == null ? null : AuditCursor.decode(page.after());
        return tx.run(em -> {
            String where = condition + (cursor == null ? "" : " and e.at <= :at and (e.at < :at or e.id < :id)");
            TypedQuery<String> q = em.createQuery("select e.doc from AuditEntry e where " + where + NEWEST_FIRST, String.class)
                    .setParameter("k", key).setMaxResults(page.size() + 1);
            if (cursor != null) {
                q.setParameter("at", cursor.at()).setParameter("id", cursor.id());
            }
            List<AuditEntry> fetched = q.getResultList().stream().map(this::read).toList();
            return Page.of(fetched, page.size(), e -> AuditCursor.of(e).encode());
        });
    }

    @Override
    public Stream<AuditEntry> stream() {
        return tx.stream(em -> em.createQuery("select e.doc from AuditEntry e order by e.streamType, e.streamId, e.seq",
                String.class).setHint(HibernateHints.HINT_FETCH_SIZE, settings.fetchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().map(this::read));
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Check.notNull(cutoff, "cutoff");
        // Retention deletes whole audit rows; no audited aggregate is touched, so a bulk statement is right here.
        return tx.run(em -> (long) em.createQuery("delete from AuditEntry e where e.at < :c").setParameter("c", cutoff)
                .executeUpdate());
    }

    @Override
    public void redact(AuditEntry replacement) {
        Check.notNull(replacement, "entry");
        tx.run(em -> {
            AuditEntryEntity row = em.find(AuditEntryEntity.class, replacement.id());
            if (row == null) {
                throw new io.crmkit.core.error.NotFoundException("AuditEntry", replacement.id());
            }
            if (!AuditRepository.sameIdentity(read(row.doc), replacement)) {
                throw io.crmkit.core.error.ValidationException.of("entry", "SameEntry",
                        "a redaction may change values only, not the entry's identity, time, actor or hashes");
            }
            // One managed row changed through the persistence context (never a bulk update), in the caller's transaction.
            row.doc = settings.documents().write(replacement);
            if (!settings.batchWrites()) {
                em.flush();
            }
            return null;
        });
    }

    private AuditEntry read(String doc) {
        return settings.documents().read(doc, AuditEntry.class);
    }

    /** The Hibernate session behind {@code em}: one per transaction, whatever proxy the host hands out. */
    private static Object session(jakarta.persistence.EntityManager em) {
        return em.unwrap(org.hibernate.Session.class);
    }
}

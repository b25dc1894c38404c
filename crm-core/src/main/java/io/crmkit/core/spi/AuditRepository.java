package io.crmkit.core.spi;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The audit trail: append-only entries, each in one hash chain per aggregate. Entries are written
 * by the services in the same transaction as the change they describe, so a rolled-back change
 * leaves none. A store never computes or checks hashes; it keeps every field exactly (instants to
 * the microsecond) so that {@code AuditTrail.verify} can.
 *
 * <p>Implementations are thread-safe.
 */
public interface AuditRepository {
    /**
     * Appends an entry; inside a transaction it becomes visible at commit.
     *
     * @throws io.crmkit.core.error.ConflictException if the chain already has an entry with this
     *     {@code (streamType, streamId, seq)} (a concurrent change of the same aggregate won)
     * @throws StoreException if the store fails
     */
    void append(AuditEntry entry);

    /**
     * Appends {@code entry} as {@link #append} does, but only if the entry before it in its chain
     * (number {@code entry.seq() - 1}) is the one with id {@code previousId} and no entry has
     * {@code entry.seq()} yet, as the running transaction sees the chain; otherwise nothing changes
     * and the answer is false. For a writer that remembers each chain's newest entry between
     * transactions and so need not read it before every append: false tells it that another writer
     * (another process) extended the chain meanwhile, or that the entry it remembered was rolled
     * back, and it reads {@link #last} and appends again. The check and the append are one step
     * where the store can make them one (crm-jpa: one conditional {@code INSERT}); this default
     * reads {@link #last} and then appends.
     *
     * @throws io.crmkit.core.error.ConflictException as {@link #append}, when a concurrent
     *     transaction appends the same {@code seq} at the same time
     * @throws io.crmkit.core.error.ValidationException on field {@code entry} if its {@code seq} is
     *     1 (a first entry has no predecessor: use {@link #append})
     * @throws StoreException if the store fails
     */
    default boolean appendAfter(AuditEntry entry, String previousId) {
        io.crmkit.core.check.Check.notNull(entry, "entry");
        io.crmkit.core.check.Check.notNull(previousId, "previousId");
        io.crmkit.core.check.Check.that(entry.seq() > 1, "entry", "HasPredecessor", "the first entry of a chain has none");
        java.util.Optional<AuditEntry> last = last(entry.streamType(), entry.streamId());
        if (last.isEmpty() || last.get().seq() != entry.seq() - 1 || !last.get().id().equals(previousId)) {
            return false;
        }
        append(entry);
        return true;
    }

    /**
     * The newest committed entry of one chain (highest {@code seq}), if any.
     *
     * @throws StoreException if the store fails
     */
    java.util.Optional<AuditEntry> last(String streamType, String streamId);

    /**
     * {@link #last} for up to {@link Batch#MAX_IDS} chains of one type: the newest committed entry
     * of each chain that has one, keyed by stream id (chains without entries left out). A batch write
     * reads its chains' heads with this once instead of once per record. This default asks
     * {@link #last} per id; a SQL store answers with one statement.
     *
     * @throws io.crmkit.core.error.ValidationException if {@code streamIds} holds a null or more than {@link Batch#MAX_IDS}
     * @throws StoreException if the store fails
     */
    default java.util.Map<String, AuditEntry> lastOf(String streamType, java.util.Collection<String> streamIds) {
        io.crmkit.core.check.Check.notNull(streamType, "streamType");
        io.crmkit.core.check.Check.notNull(streamIds, "streamIds");
        io.crmkit.core.check.Check.that(streamIds.size() <= Batch.MAX_IDS, "streamIds", "Size",
                "must have at most " + Batch.MAX_IDS + " entries");
        java.util.Map<String, AuditEntry> out = new java.util.LinkedHashMap<>();
        for (String id : streamIds) {
            io.crmkit.core.check.Check.notNull(id, "streamIds");
            last(streamType, id).ifPresent(e -> out.put(id, e));
        }
        return out;
    }

    /**
     * One page of the entries about a customer, newest first (by {@code at} then id, both
     * descending); cursors are {@link AuditCursor}s.
     *
     * @throws io.crmkit.core.error.ValidationException if the cursor is malformed
     * @throws StoreException if the store fails
     */
    Page<AuditEntry> byCustomer(CustomerId customerId, PageRequest page);

    /**
     * One page of the entries made by an actor, newest first, as {@link #byCustomer}.
     *
     * @throws io.crmkit.core.error.ValidationException if the cursor is malformed
     * @throws StoreException if the store fails
     */
    Page<AuditEntry> byActor(String actorId, PageRequest page);

    /**
     * Every entry, by {@code streamType}, {@code streamId} (String order) then {@code seq}, lazily;
     * close the stream.
     *
     * @throws StoreException if the store fails
     */
    Stream<AuditEntry> stream();

    /**
     * Deletes every entry with {@code at} before {@code cutoff} (retention) and returns how many.
     *
     * @throws StoreException if the store fails
     */
    long purgeBefore(Instant cutoff);

    /**
     * Replaces the stored entry with the same id by {@code replacement}, for erasure: only the
     * values of its changes, its reason and its sealing fields may differ (the caller computes the
     * redaction so that the hash stays valid; the store does not check hashes). Inside a
     * transaction it becomes visible at commit and is undone by a rollback.
     *
     * @throws io.crmkit.core.error.NotFoundException if no entry has that id
     * @throws io.crmkit.core.error.ValidationException on field {@code entry} if the replacement
     *     differs from the stored entry in its stream, seq, customer, time, actor, operation or hashes
     * @throws StoreException if the store fails, or cannot rewrite entries (this default)
     */
    default void redact(AuditEntry replacement) {
        throw new StoreException("this store cannot redact audit entries (implement AuditRepository.redact)", false);
    }

    /** Whether {@code replacement} may replace {@code stored} under {@link #redact}'s contract. */
    static boolean sameIdentity(AuditEntry stored, AuditEntry replacement) {
        return stored.id().equals(replacement.id()) && stored.streamType().equals(replacement.streamType())
                && stored.streamId().equals(replacement.streamId()) && stored.seq() == replacement.seq()
                && java.util.Objects.equals(stored.customerId(), replacement.customerId())
                && stored.at().equals(replacement.at()) && stored.actorId().equals(replacement.actorId())
                && stored.operation().equals(replacement.operation()) && stored.prevHash().equals(replacement.prevHash())
                && stored.hash().equals(replacement.hash()) && stored.changes().size() == replacement.changes().size();
    }
}

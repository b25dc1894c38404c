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
     * The newest committed entry of one chain (highest {@code seq}), if any.
     *
     * @throws StoreException if the store fails
     */
    java.util.Optional<AuditEntry> last(String streamType, String streamId);

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
}

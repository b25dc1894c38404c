package io.crmkit.core.spi;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import java.util.Optional;

/**
 * Storage for one kind of aggregate, with optimistic concurrency. Implementations are thread-safe.
 * Inside {@link CrmStore#inTransaction} every call joins the transaction; outside, each write is
 * its own transaction.
 *
 * @param <A> the aggregate
 * @param <I> its id
 */
public interface Repository<A extends Aggregate<I, A>, I> {

    /**
     * The aggregate with this id.
     *
     * @throws StoreException if the store fails
     */
    Optional<A> findById(I id);

    /**
     * The aggregate with this id.
     *
     * @throws NotFoundException if there is none
     * @throws StoreException if the store fails
     */
    default A get(I id) {
        return findById(id).orElseThrow(() -> new NotFoundException(typeName(), String.valueOf(id)));
    }

    /**
     * Inserts or updates. {@code aggregate.meta().version()} is the version the caller read: {@code 0}
     * inserts a new aggregate, anything else updates the stored one only if it still has that
     * version. Returns what was stored, with version + 1. On any exception nothing is written.
     *
     * @throws ConflictException if the stored version differs, the id of a new aggregate is taken, or
     *     an update finds nothing to update
     * @throws DuplicateKeyException if a natural key of the aggregate (identifier, external reference)
     *     belongs to another aggregate
     * @throws StoreException if the store fails
     */
    A save(A aggregate);

    /**
     * Deletes the aggregate if it still has {@code expectedVersion}.
     *
     * @throws NotFoundException if there is none
     * @throws ConflictException if its version differs
     * @throws StoreException if the store fails
     */
    void delete(I id, long expectedVersion);

    /** The aggregate's type name as used in exception messages, for example {@code Customer}. */
    String typeName();
}

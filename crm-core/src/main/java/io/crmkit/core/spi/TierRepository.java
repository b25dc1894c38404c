package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.core.error.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Tier definitions (reference data) and the append-only tier history. The customer's current tier
 * is also kept on the customer record, written in the same transaction by the tier service.
 */
public interface TierRepository {
    /** Every tier definition, by rank. */
    List<TierDefinition> definitions();

    /** Inserts or replaces a tier definition by code. */
    void saveDefinition(TierDefinition definition);

    /** Appends one history entry. */
    void append(TierAssignment assignment);

    /** The customer's tier history, newest first: by effectiveFrom descending, and among equal times the later append first. */
    List<TierAssignment> history(CustomerId customerId);

    /**
     * Erasure: replaces the free-text reason of every history entry of the customer by
     * {@code replacement}, keeping everything else and the order; returns how many entries changed.
     * Inside a transaction it becomes visible at commit and is undone by a rollback.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails, or cannot rewrite its history (this default)
     */
    default int replaceReasons(CustomerId customerId, String replacement) {
        throw new io.crmkit.core.error.StoreException("this store cannot rewrite tier history (implement TierRepository.replaceReasons)",
                false);
    }

    /** The newest entry of the customer's history. */
    default Optional<TierAssignment> current(CustomerId customerId) {
        return history(customerId).stream().findFirst();
    }

    /**
     * {@link #current} for a batch of up to {@link Batch#MAX_IDS} customers in one call: the newest
     * entry of each customer that has a history, keyed by customer, in the order the ids were given
     * (repeated ids once). This default asks {@link #current} per id; a SQL store answers with one
     * query.
     *
     * @throws io.crmkit.core.error.ValidationException on {@code customerIds} if the batch is null,
     *     holds a null id or more than {@link Batch#MAX_IDS} ids
     */
    default java.util.Map<CustomerId, TierAssignment> currentOf(java.util.Collection<CustomerId> customerIds) {
        java.util.Map<CustomerId, TierAssignment> out = new java.util.LinkedHashMap<>();
        for (CustomerId id : Batch.ids(customerIds, "customerIds")) {
            current(id).ifPresent(a -> out.put(id, a));
        }
        return out;
    }

    /**
     * Moves these entries of {@code from}'s history (as {@link #history} returned them) to
     * {@code to}: afterwards they are in {@code to}'s history, with {@code to} as their customer and
     * otherwise unchanged, and no longer in {@code from}'s. Entries not found are ignored. Used by
     * merge and unmerge; undone by a rollback like every write. This default refuses.
     *
     * @throws StoreException if this store cannot move history
     */
    default void moveHistory(io.crmkit.core.customer.CustomerId from, io.crmkit.core.customer.CustomerId to,
            List<TierAssignment> entries) {
        throw new StoreException("this store cannot move tier history (implement TierRepository.moveHistory)", false);
    }
}

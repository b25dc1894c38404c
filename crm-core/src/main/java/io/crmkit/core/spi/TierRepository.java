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

    /** The newest entry of the customer's history. */
    default Optional<TierAssignment> current(CustomerId customerId) {
        return history(customerId).stream().findFirst();
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

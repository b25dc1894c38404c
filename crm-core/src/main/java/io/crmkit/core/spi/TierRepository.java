package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
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
}

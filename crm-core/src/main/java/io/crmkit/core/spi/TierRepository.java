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

    /** The newest entry of the customer's history. */
    default Optional<TierAssignment> current(CustomerId customerId) {
        return history(customerId).stream().findFirst();
    }
}

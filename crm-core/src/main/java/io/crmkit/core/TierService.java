package io.crmkit.core;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tiers (客户分级): definitions, assignments by rule or by hand, and the history. The customer's
 * current tier is kept on the customer record and in the history in one transaction; each change
 * publishes a tier-changed event.
 *
 * <p>Thread-safe.
 */
public interface TierService {
    /** Defines (or redefines by code) the tiers. */
    void define(TierDefinition... definitions);

    List<TierDefinition> definitions();

    /**
     * Sets a tier by hand, optionally until {@code expiresAt}; while it holds, rules do not change
     * the tier.
     *
     * @throws io.crmkit.core.error.ValidationException if the tier is not defined or the reason is blank
     */
    Customer assignManually(CustomerId customerId, @Nullable TierCode tier, String reason, @Nullable Instant expiresAt);

    /**
     * Sets a tier by rule (the rule's name is the reason's prefix). Does nothing, returning empty,
     * when the tier is unchanged or a manual override still holds.
     */
    Optional<TierAssignment> assignByRule(CustomerId customerId, @Nullable TierCode tier, String reason);

    Optional<TierAssignment> current(CustomerId customerId);

    List<TierAssignment> history(CustomerId customerId);
}

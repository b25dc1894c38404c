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

    /** Most entries one {@link #assignAllByRule} call takes. */
    int MAX_BATCH = 1_000;

    /**
     * {@link #assignByRule} for up to {@link #MAX_BATCH} customers (distinct) in one unit of work:
     * the customers and their current tiers read in one batch each, then every change saved, audited
     * with its diff and its own reason, kept in the history and published as a tier-changed event
     * after the commit, exactly as one call per customer would. Unchanged tiers and tiers a manual
     * override holds are skipped. A change a four-eyes rule on {@code TIER_RULE} catches is left out
     * of the unit and submitted on its own after it, as {@link #assignByRule} would submit it (its
     * pending request is in the result); such a batch must not run inside a larger unit of work.
     * Every customer must be visible and within the actor's {@code TIER_RULE} scope, or nothing is
     * written.
     *
     * @throws io.crmkit.core.error.ValidationException on an entry with a null customer, an undefined
     *     tier or a blank reason (the field names the entry's index), a customer given twice, or more
     *     than {@link #MAX_BATCH} entries
     * @throws io.crmkit.core.error.NotFoundException if a customer is absent or hidden
     * @throws io.crmkit.core.error.AccessDeniedException if a customer is outside the actor's scope
     */
    io.crmkit.core.tier.RuleAssignmentResult assignAllByRule(java.util.Collection<io.crmkit.core.tier.RuleAssignment> assignments);

    Optional<TierAssignment> current(CustomerId customerId);

    List<TierAssignment> history(CustomerId customerId);
}

package io.crmkit.core.tier;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import org.jspecify.annotations.Nullable;

/**
 * One tier change by rule for {@link io.crmkit.core.TierService#assignAllByRule}: what
 * {@link io.crmkit.core.TierService#assignByRule} takes, as a value. Checked by the service, which
 * names the entry's index in each violation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param tier the tier by rule, or {@code null} to remove it
 * @param reason why, in words staff understand (the rule's name first)
 */
public record RuleAssignment(CustomerId customerId, @Nullable TierCode tier, String reason) {
    /** The customer and the tier; never the reason (free text). */
    @Override
    public String toString() {
        return "RuleAssignment[customerId=" + customerId + ", tier=" + tier + "]";
    }
}

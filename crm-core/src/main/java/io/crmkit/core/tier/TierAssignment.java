package io.crmkit.core.tier;

import io.crmkit.core.customer.TierCode;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's tier history: the tier from a point in time, the tier before, why,
 * whether a rule or a person set it, who, and (for manual overrides) when the override expires.
 * The history is append-only; the newest entry is the current tier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param tier the tier from now on, or {@code null} when the tier is removed
 * @param previous the tier before, or {@code null}
 * @param effectiveFrom when it took effect
 * @param source rule or manual
 * @param reason why, in words staff understand ("AUM 5.2M above GOLD threshold 5M")
 * @param assignedBy the actor id (a job name for rules)
 * @param expiresAt when a manual override stops holding, or {@code null}
 */
public record TierAssignment(CustomerId customerId, @Nullable TierCode tier, @Nullable TierCode previous,
        Instant effectiveFrom, AssignmentSource source, String reason, String assignedBy, @Nullable Instant expiresAt) {
    public TierAssignment {
        Check.notNull(customerId, "customerId");
        Check.notNull(effectiveFrom, "effectiveFrom");
        Check.notNull(source, "source");
        reason = Check.notBlank(reason, "reason", Check.MAX_SHORT);
        Check.notBlank(assignedBy, "assignedBy", 64);
        Check.that(expiresAt == null || expiresAt.isAfter(effectiveFrom), "expiresAt", "AfterEffectiveFrom",
                "must be after effectiveFrom");
        Check.that(expiresAt == null || source == AssignmentSource.MANUAL, "expiresAt", "ManualOnly",
                "only manual overrides expire");
    }

    /** Whether this is a manual override still in force at {@code now}. */
    public boolean isActiveOverride(Instant now) {
        return source == AssignmentSource.MANUAL && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Codes and ids only: the reason is free text. */
    @Override
    public String toString() {
        return "TierAssignment[customerId=" + customerId + ", tier=" + tier + ", previous=" + previous
                + ", effectiveFrom=" + effectiveFrom + ", source=" + source + ", assignedBy=" + assignedBy
                + ", expiresAt=" + expiresAt + ", ***]";
    }
}

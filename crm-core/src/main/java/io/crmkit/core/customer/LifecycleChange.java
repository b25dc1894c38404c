package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One move in a customer's lifecycle, with the business date it took effect, the reason, and who
 * recorded it when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the previous stage, {@code null} for the first entry
 * @param to the new stage
 * @param effectiveOn the business date of the change
 * @param reason why (for churn: "moved business to another bank", ...)
 * @param recordedAt when it was recorded
 * @param recordedBy the actor id
 */
public record LifecycleChange(@Nullable LifecycleStage from, LifecycleStage to, LocalDate effectiveOn,
        String reason, Instant recordedAt, String recordedBy) {
    public LifecycleChange {
        Check.notNull(to, "to");
        Check.notNull(effectiveOn, "effectiveOn");
        reason = Check.notBlank(reason, "reason", Check.MAX_SHORT);
        Check.notNull(recordedAt, "recordedAt");
        Check.notBlank(recordedBy, "recordedBy", 64);
    }

    /** Codes and ids only: the reason is free text. */
    @Override
    public String toString() {
        return "LifecycleChange[from=" + from + ", to=" + to + ", effectiveOn=" + effectiveOn + ", recordedBy="
                + recordedBy + ", ***]";
    }
}

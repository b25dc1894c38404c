package io.crmkit.analytics.tier;

import java.time.Instant;
import java.util.Optional;

/**
 * One tier change to write as a tier assignment: who, from which tier to which, why, and when.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the detail text, which may quote a
 * staff member's override reason.
 */
public final class TierChange {

    private final long customerId;
    private final String fromTier;
    private final String toTier;
    private final TierChangeReason reason;
    private final String detail;
    private final Instant at;

    TierChange(long customerId, String fromTier, String toTier, TierChangeReason reason, String detail, Instant at) {
        this.customerId = customerId;
        this.fromTier = fromTier;
        this.toTier = toTier;
        this.reason = reason;
        this.detail = detail;
        this.at = at;
    }

    public long customerId() {
        return customerId;
    }

    /** The previous tier; empty for a customer's first tier. */
    public Optional<String> fromTier() {
        return Optional.ofNullable(fromTier);
    }

    public String toTier() {
        return toTier;
    }

    public TierChangeReason reason() {
        return reason;
    }

    /** The reason in words, e.g. "score 88.0 reached PLATINUM (from 85.0)". */
    public String detail() {
        return detail;
    }

    /** The run's time, from the engine's clock. */
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return "TierChange[customerId=" + customerId + ", from=" + fromTier + ", to=" + toTier
                + ", reason=" + reason + ", at=" + at + "]";
    }
}

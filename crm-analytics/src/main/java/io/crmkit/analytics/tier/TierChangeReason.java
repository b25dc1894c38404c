package io.crmkit.analytics.tier;

/**
 * Why a customer's tier changed (or was held) in a run. Immutable and thread-safe.
 */
public enum TierChangeReason {
    /** No change this period. */
    NONE,
    /** First tier for a customer without one. */
    INITIAL,
    /** The score reached a better tier: applied at once. */
    UPGRADE,
    /** The score stayed below the tier for the configured number of consecutive periods. */
    DOWNGRADE,
    /** Below the current tier this period, but not for long enough to downgrade: tier kept. */
    HELD,
    /** A manual override set the tier. */
    OVERRIDE,
    /** A manual override ended: the tier follows the score again, at once. */
    OVERRIDE_EXPIRED;

    /** Whether the tier changes (HELD and NONE do not write anything). */
    public boolean isChange() {
        return this != NONE && this != HELD;
    }
}

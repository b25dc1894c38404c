package io.crmkit.analytics.performance;

/**
 * One referring customer: how many customers they introduced and how many of those became ACTIVE.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerKey the referrer's customer id
 * @param referred    customers introduced (REFERRED_BY relationships to the referrer)
 * @param converted   of those, how many became ACTIVE by the period's end
 */
public record ReferrerStats(String customerKey, long referred, long converted) {
    /** converted / referred (0 when none were referred). */
    public double conversion() {
        return referred == 0 ? 0 : (double) converted / referred;
    }
}

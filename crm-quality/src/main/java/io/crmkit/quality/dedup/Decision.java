package io.crmkit.quality.dedup;

/** What a candidate pair's score means under the configured thresholds. */
public enum Decision {
    /** At or above the "same" threshold: the same customer. */
    SAME,
    /** Between the thresholds: a person should look. */
    REVIEW
}

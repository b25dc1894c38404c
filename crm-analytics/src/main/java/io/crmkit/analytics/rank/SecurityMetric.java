package io.crmkit.analytics.rank;

/** What securities are ranked by. Immutable and thread-safe. */
public enum SecurityMetric {
    /** Distinct holders with a positive position value. */
    HOLDERS,
    /** Sum of position market values. */
    VALUE_HELD,
    /** Sum of traded value. */
    TRADED_VALUE
}

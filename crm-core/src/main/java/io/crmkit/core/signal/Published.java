package io.crmkit.core.signal;

/** What {@link SignalEngine#publish} did with an event. */
public enum Published {
    /** Taken into the customer's state and evaluated against the rules. */
    ACCEPTED,
    /** Already seen (same event id at the customer's latest time): ignored, nothing changes. */
    DUPLICATE,
    /** Older than the customer's latest accepted event: ignored, nothing changes (a replay, or out of order). */
    LATE,
    /** A new customer beyond the engine's {@code maxCustomers}: ignored. */
    OVER_CAPACITY
}

package io.crmkit.core.signal;

/**
 * What happens when the host publishes faster than the actions are written and the bounded queue
 * is full.
 */
public enum Overflow {
    /**
     * Back-pressure: {@code publish} waits in the caller's thread until the writer has made room.
     * Nothing is lost; the host's feed slows down to the store's pace.
     */
    BLOCK,
    /**
     * Drop the decision that does not fit, count it ({@link SignalStats#dropped()}) and log its ids.
     * The customer's state has still moved on (the suppression window started), so a dropped alert
     * comes back only by replaying the feed into a restored engine. For hosts that must never wait.
     */
    DROP
}

package io.crmkit.core.signal;

/**
 * Counters of a {@link SignalEngine} since it was built (a restored engine starts from zero).
 *
 * <p>Immutable and thread-safe.
 *
 * @param accepted events taken into state
 * @param duplicates events ignored as already seen
 * @param late events ignored as older than the customer's latest
 * @param overCapacity events of new customers ignored because the engine was full
 * @param fired decisions made
 * @param suppressed firing conditions silenced by a rule's suppression window
 * @param written alerts newly written (with their actions)
 * @param alreadyPresent decisions whose alert existed already (a replay): nothing written
 * @param failed decisions that could not be written (logged with ids)
 * @param dropped decisions dropped on a full queue under {@link Overflow#DROP}
 * @param queued decisions waiting to be written now
 * @param customers customers with state
 */
public record SignalStats(long accepted, long duplicates, long late, long overCapacity, long fired, long suppressed,
        long written, long alreadyPresent, long failed, long dropped, long queued, int customers) {}

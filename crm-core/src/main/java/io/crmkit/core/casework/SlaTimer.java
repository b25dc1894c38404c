package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of one SLA timer of a case: the working time accrued up to {@code runningSince} (or up
 * to when it was paused or stopped), whether it runs, whether it stopped, the highest threshold
 * already announced, and — derived from these and the case's policy, kept for the store's due
 * index — when its next threshold and its breach fall due if it keeps running.
 *
 * <p>A timer runs when {@code runningSince} is set, is paused when neither {@code runningSince}
 * nor {@code stoppedAt} is set, and has stopped when {@code stoppedAt} is set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the timer's name in the policy
 * @param metric what stops it
 * @param elapsed working time accrued before {@code runningSince} (all of it when not running)
 * @param runningSince since when it runs, or {@code null}
 * @param stoppedAt when it stopped, or {@code null}
 * @param announcedPercent the highest threshold percent already announced (0 for none)
 * @param nextDueAt when the next unannounced threshold falls due, or {@code null} when not running or none is left
 * @param breachAt when it breaches, or {@code null} when not running or already breached
 */
public record SlaTimer(String name, SlaMetric metric, Duration elapsed, @Nullable Instant runningSince,
        @Nullable Instant stoppedAt, int announcedPercent, @Nullable Instant nextDueAt, @Nullable Instant breachAt) {
    public SlaTimer {
        Ids.check(name, "timer.name");
        Check.notNull(metric, "timer.metric");
        Check.notNull(elapsed, "timer.elapsed");
        Check.that(!elapsed.isNegative(), "timer.elapsed", "NotNegative", "must not be negative");
        Check.that(runningSince == null || stoppedAt == null, "timer.stoppedAt", "NotRunning",
                "a stopped timer does not run");
        Check.range(announcedPercent, 0, 1_000, "timer.announcedPercent");
    }

    /** Whether the timer runs. */
    public boolean running() {
        return runningSince != null;
    }

    /** Whether the timer stopped (met, or the case ended). */
    public boolean stopped() {
        return stoppedAt != null;
    }

    /** Whether a breach was announced. */
    public boolean breached() {
        return announcedPercent >= 100;
    }
}

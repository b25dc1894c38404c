package io.crmkit.core.internal;

import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaMetric;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaState;
import io.crmkit.core.casework.SlaTarget;
import io.crmkit.core.casework.SlaTimer;
import io.crmkit.core.casework.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of SLA timers, pure functions over a case's timers and its policy: start,
 * accrue, pause, stop, re-apply another policy, schedule the next threshold, and the thresholds
 * reached at an instant. The working time a timer has accrued is always measured by its target's
 * calendar; the elapsed time is the one state that survives a policy change.
 *
 * <p>Due instants are rounded up to the microsecond (stores keep microseconds): a timer is never
 * reported due before its threshold is really reached. Stateless and thread-safe.
 */
final class SlaClock {
    private SlaClock() {}

    /** The timers of a case that starts under {@code policy} in {@code status} at {@code now}. */
    static List<SlaTimer> start(SlaPolicyDefinition policy, CaseStatus status, Instant now) {
        List<SlaTimer> out = new ArrayList<>();
        for (SlaTarget target : policy.targets()) {
            out.add(fresh(target, policy, status, now));
        }
        return out;
    }

    private static SlaTimer fresh(SlaTarget target, SlaPolicyDefinition policy, CaseStatus status, Instant now) {
        boolean met = status.isFinal() || (target.metric() == SlaMetric.FIRST_RESPONSE && status != CaseStatus.NEW)
                || (target.metric() == SlaMetric.RESOLUTION && !status.isOpen());
        boolean paused = policy.pauseOn().contains(status);
        SlaTimer t = new SlaTimer(target.name(), target.metric(), Duration.ZERO, met || paused ? null : now,
                met ? now : null, 0, null, null);
        return schedule(t, target, now);
    }

    /** The working time the timer has accrued at {@code now}. */
    static Duration elapsed(SlaTimer t, SlaTarget target, Instant now) {
        if (t.runningSince() == null) {
            return t.elapsed();
        }
        return t.elapsed().plus(target.calendar().between(t.runningSince(), now));
    }

    private static SlaTimer accrue(SlaTimer t, SlaTarget target, Instant now) {
        if (t.runningSince() == null || !now.isAfter(t.runningSince())) {
            return t;
        }
        return new SlaTimer(t.name(), t.metric(), elapsed(t, target, now), now, null, t.announcedPercent(), null, null);
    }

    /** The timers after the case moved from {@code from} to {@code to} at {@code now}. */
    static List<SlaTimer> onStatus(SlaPolicyDefinition policy, List<SlaTimer> timers, CaseStatus from, CaseStatus to,
            Instant now) {
        List<SlaTimer> out = new ArrayList<>();
        for (SlaTimer t0 : timers) {
            SlaTarget target = policy.target(t0.name());
            if (target == null) {
                out.add(t0);
                continue;
            }
            SlaTimer t = accrue(t0, target, now);
            boolean stop = to.isFinal() || (t.metric() == SlaMetric.FIRST_RESPONSE && from == CaseStatus.NEW)
                    || (t.metric() == SlaMetric.RESOLUTION && to == CaseStatus.RESOLVED);
            boolean reopen = t.metric() == SlaMetric.RESOLUTION && from == CaseStatus.RESOLVED && to.isOpen();
            Instant stoppedAt = t.stoppedAt();
            if (stop && stoppedAt == null) {
                stoppedAt = now;
            } else if (reopen) {
                stoppedAt = null;
            }
            boolean runs = stoppedAt == null && !policy.pauseOn().contains(to);
            Instant since = runs ? (t.runningSince() != null ? t.runningSince() : now) : null;
            out.add(schedule(new SlaTimer(t.name(), t.metric(), t.elapsed(), since, stoppedAt, t.announcedPercent(), null,
                    null), target, now));
        }
        return out;
    }

    /**
     * The timers after the case, standing in {@code status}, moved from {@code old} to
     * {@code next} at {@code now}: elapsed time kept by timer name, the rest per {@link #fresh}.
     */
    static List<SlaTimer> reapply(@Nullable SlaPolicyDefinition old, List<SlaTimer> timers, SlaPolicyDefinition next,
            CaseStatus status, Instant now) {
        List<SlaTimer> out = new ArrayList<>();
        for (SlaTarget target : next.targets()) {
            SlaTimer before = null;
            for (SlaTimer t : timers) {
                if (t.name().equals(target.name())) {
                    before = t;
                }
            }
            SlaTarget oldTarget = old == null || before == null ? null : old.target(before.name());
            if (before == null || oldTarget == null) {
                out.add(fresh(target, next, status, now));
                continue;
            }
            // Accrued under the old calendar up to the change; from now on, the new calendar counts.
            SlaTimer t = accrue(before, oldTarget, now);
            boolean runs = t.stoppedAt() == null && !next.pauseOn().contains(status);
            Instant since = runs ? (t.runningSince() != null ? t.runningSince() : now) : null;
            out.add(schedule(new SlaTimer(t.name(), target.metric(), t.elapsed(), since, t.stoppedAt(), t.announcedPercent(),
                    null, null), target, now));
        }
        return out;
    }

    /**
     * The timer with its due instants worked out: for a running timer, when its next unannounced
     * threshold and its breach fall due; for one that does not run, {@code now} if it has already
     * passed an unannounced threshold (so the monitor still announces it), else none.
     */
    static SlaTimer schedule(SlaTimer t, SlaTarget target, Instant now) {
        Threshold next = null;
        for (Threshold th : target.thresholds()) {
            if (th.percent() > t.announcedPercent()) {
                next = th;
                break;
            }
        }
        Instant due = null;
        Instant breach = null;
        if (t.runningSince() != null) {
            if (next != null) {
                due = ceil(target.calendar().plus(t.runningSince(), target.at(next).minus(t.elapsed())));
            }
            if (t.announcedPercent() < 100) {
                breach = ceil(target.calendar().plus(t.runningSince(), target.target().minus(t.elapsed())));
            }
        } else if (next != null && t.elapsed().compareTo(target.at(next)) >= 0) {
            due = ceil(now);
        }
        return new SlaTimer(t.name(), t.metric(), t.elapsed(), t.runningSince(), t.stoppedAt(), t.announcedPercent(), due,
                breach);
    }

    /** The thresholds of the timer, not yet announced, that it has reached at {@code now}, lowest first. */
    static List<Threshold> reached(SlaTimer t, SlaTarget target, Instant now) {
        Duration e = elapsed(t, target, now);
        List<Threshold> out = new ArrayList<>();
        for (Threshold th : target.thresholds()) {
            if (th.percent() > t.announcedPercent() && e.compareTo(target.at(th)) >= 0) {
                out.add(th);
            }
        }
        return out;
    }

    /** The timer with {@code percent} announced, rescheduled. */
    static SlaTimer announced(SlaTimer t, SlaTarget target, int percent, Instant now) {
        SlaTimer marked = new SlaTimer(t.name(), t.metric(), t.elapsed(), t.runningSince(), t.stoppedAt(),
                Math.max(percent, t.announcedPercent()), null, null);
        return schedule(marked, target, now);
    }

    /** The case's SLA standing at {@code now}, worked out from elapsed time (whether or not the monitor has run). */
    static SlaState state(ServiceCase c, Instant now) {
        SlaPolicyDefinition p = c.sla();
        if (p == null || c.timers().isEmpty()) {
            return SlaState.NONE;
        }
        boolean breached = false;
        boolean warning = false;
        boolean running = false;
        boolean paused = false;
        for (SlaTimer t : c.timers()) {
            SlaTarget target = p.target(t.name());
            if (target == null) {
                continue;
            }
            Duration e = elapsed(t, target, now);
            if (e.compareTo(target.target()) >= 0 || t.breached()) {
                breached = true;
            } else if (!t.stopped()) {
                Threshold first = target.thresholds().get(0);
                warning |= !first.breach() && e.compareTo(target.at(first)) >= 0;
                running |= t.running();
                paused |= !t.running();
            }
        }
        if (breached) {
            return SlaState.BREACHED;
        }
        if (warning) {
            return SlaState.WARNING;
        }
        return running ? SlaState.ON_TRACK : paused ? SlaState.PAUSED : SlaState.MET;
    }

    private static Instant ceil(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MICROS);
        return down.equals(at) ? at : down.plus(1, ChronoUnit.MICROS);
    }
}

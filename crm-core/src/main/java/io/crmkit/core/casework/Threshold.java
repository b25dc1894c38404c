package io.crmkit.core.casework;

import io.crmkit.core.check.Check;

/**
 * A point on an SLA timer, as a percentage of its target, and who hears of it when the timer
 * reaches it: below 100 a warning, at 100 the breach, above 100 a further escalation ("150% of
 * the target: tell the branch manager").
 *
 * <p>Immutable and thread-safe.
 *
 * @param percent 1 to 1,000 percent of the target
 * @param level who is given a task when the timer reaches it
 */
public record Threshold(int percent, EscalationLevel level) implements Comparable<Threshold> {
    public Threshold {
        Check.range(percent, 1, 1_000, "threshold.percent");
        Check.notNull(level, "threshold.level");
    }

    public static Threshold of(int percent, EscalationLevel level) {
        return new Threshold(percent, level);
    }

    /** Whether reaching it means the target is missed. */
    public boolean breach() {
        return percent >= 100;
    }

    @Override
    public int compareTo(Threshold o) {
        return Integer.compare(percent, o.percent);
    }
}

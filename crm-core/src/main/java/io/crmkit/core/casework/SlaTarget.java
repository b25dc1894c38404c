package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One timer of an SLA policy: its name (timers keep their elapsed time across a policy change by
 * name), what it measures, the target in working time of its calendar, and its thresholds. The
 * thresholds always include the breach at 100%: if none is given at 100, one notifying the owner's
 * team lead is added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the timer's code, such as {@code first-response}, {@code complaint-24h} or {@code resolution}
 * @param metric what stops it
 * @param target how much working time it allows, 1 minute to 3,650 days
 * @param calendar when its clock runs
 * @param thresholds warnings, breach and later escalations, by percent, each percent once, at most 8
 */
public record SlaTarget(String name, SlaMetric metric, Duration target, BusinessCalendar calendar,
        List<Threshold> thresholds) {
    public SlaTarget {
        Ids.check(name, "target.name");
        Check.notNull(metric, "target.metric");
        Check.notNull(target, "target.target");
        Check.that(target.compareTo(Duration.ofMinutes(1)) >= 0 && target.compareTo(Duration.ofDays(3_650)) <= 0,
                "target.target", "Range", "must be 1 minute to 3650 days");
        Check.notNull(calendar, "target.calendar");
        List<Threshold> sorted = new ArrayList<>(Check.list(thresholds, "target.thresholds"));
        if (sorted.stream().noneMatch(t -> t.percent() == 100)) {
            sorted.add(Threshold.of(100, EscalationLevel.TEAM_LEAD));
        }
        sorted.sort(null);
        Check.that(sorted.size() <= 8, "target.thresholds", "Size", "must hold at most 8 thresholds");
        for (int i = 1; i < sorted.size(); i++) {
            Check.that(sorted.get(i - 1).percent() != sorted.get(i).percent(), "target.thresholds", "Unique",
                    "each percent may appear once");
        }
        thresholds = List.copyOf(sorted);
    }

    /** The working time after which {@code t} is reached. */
    public Duration at(Threshold t) {
        return target.multipliedBy(t.percent()).dividedBy(100);
    }
}

package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.TierCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy as data: which cases it applies to (kinds, categories, customer tiers and
 * priorities; an empty set means any), its rank among policies that apply (the highest rank wins,
 * ties by id), its timers, the statuses on which every timer pauses, and whether customers are
 * surveyed after resolution.
 *
 * <pre>{@code
 * BusinessCalendar hours = BusinessCalendar.weekdays("cn-office", ZoneId.of("Asia/Shanghai"),
 *         TimeWindow.of("09:00", "12:00"), TimeWindow.of("13:00", "18:00"));
 * SlaPolicyDefinition complaints = SlaPolicyDefinition.builder("complaints", "Complaints")
 *         .kinds(CaseKind.COMPLAINT).rank(10)
 *         .target(new SlaTarget("complaint-24h", SlaMetric.FIRST_RESPONSE, Duration.ofHours(24),
 *                 BusinessCalendar.always("24x7", ZoneId.of("Asia/Shanghai")),
 *                 List.of(Threshold.of(75, EscalationLevel.OWNER), Threshold.of(100, EscalationLevel.TEAM_LEAD))))
 *         .target(new SlaTarget("resolution", SlaMetric.RESOLUTION, Duration.ofHours(40), hours,
 *                 List.of(Threshold.of(80, EscalationLevel.OWNER), Threshold.of(100, EscalationLevel.TEAM_LEAD),
 *                         Threshold.of(150, EscalationLevel.BRANCH_MANAGER))))
 *         .pauseOn(CaseStatus.WAITING_ON_CUSTOMER)
 *         .survey(SurveyRule.of(1, Duration.ofDays(30)))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the policy's id
 * @param name its display name (no personal data)
 * @param rank precedence among applicable policies, 0 to 1,000
 * @param kinds the case kinds it applies to (empty: all)
 * @param categories the categories it applies to (empty: all)
 * @param tiers the customer tiers it applies to (empty: all, including customers without a tier)
 * @param priorities the priorities it applies to (empty: all)
 * @param targets 1 to 8 timers with distinct names
 * @param pauseOn statuses on which the timers pause (never NEW or a final one)
 * @param survey the survey rule, or {@code null} for no surveys
 */
public record SlaPolicyDefinition(SlaPolicyId id, String name, int rank, Set<CaseKind> kinds, Set<String> categories,
        Set<TierCode> tiers, Set<CasePriority> priorities, List<SlaTarget> targets, Set<CaseStatus> pauseOn,
        @Nullable SurveyRule survey) {
    public SlaPolicyDefinition {
        Check.notNull(id, "policy.id");
        name = Check.notBlank(name, "policy.name", Check.MAX_SHORT);
        Check.range(rank, 0, 1_000, "policy.rank");
        kinds = BusinessCalendar.sorted(Check.set(kinds, "policy.kinds"));
        categories = BusinessCalendar.sorted(Check.set(categories, "policy.categories"));
        categories.forEach(c -> io.crmkit.core.check.Ids.check(c, "policy.categories"));
        tiers = BusinessCalendar.sorted(Check.set(tiers, "policy.tiers"));
        priorities = BusinessCalendar.sorted(Check.set(priorities, "policy.priorities"));
        targets = List.copyOf(Check.list(targets, "policy.targets"));
        Check.that(!targets.isEmpty() && targets.size() <= 8, "policy.targets", "Size", "must hold 1 to 8 timers");
        Set<String> names = new HashSet<>();
        for (SlaTarget t : targets) {
            Check.that(names.add(t.name()), "policy.targets", "Unique", "timer names must be distinct");
        }
        pauseOn = BusinessCalendar.sorted(Check.set(pauseOn, "policy.pauseOn"));
        for (CaseStatus s : pauseOn) {
            Check.that(s.isOpen() && s != CaseStatus.NEW, "policy.pauseOn", "OpenStatus",
                    "may hold only IN_PROGRESS and the waiting statuses");
        }
    }

    /** Whether the policy applies to a case of this kind, category, priority and customer tier. */
    public boolean appliesTo(CaseKind kind, String category, CasePriority priority, @Nullable TierCode tier) {
        return (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category))
                && (priorities.isEmpty() || priorities.contains(priority)) && (tiers.isEmpty() || (tier != null && tiers.contains(tier)));
    }

    /** The timer of this name, or {@code null}. */
    public @Nullable SlaTarget target(String timer) {
        for (SlaTarget t : targets) {
            if (t.name().equals(timer)) {
                return t;
            }
        }
        return null;
    }

    public static Builder builder(String id, String name) {
        return new Builder(SlaPolicyId.of(id), name);
    }

    /** Builds a {@link SlaPolicyDefinition}; the record's constructor checks it. Not thread-safe. */
    public static final class Builder {
        private final SlaPolicyId id;
        private final String name;
        private int rank;
        private final Set<CaseKind> kinds = EnumSet.noneOf(CaseKind.class);
        private final Set<String> categories = new LinkedHashSet<>();
        private final Set<TierCode> tiers = new LinkedHashSet<>();
        private final Set<CasePriority> priorities = EnumSet.noneOf(CasePriority.class);
        private final List<SlaTarget> targets = new ArrayList<>();
        private final Set<CaseStatus> pauseOn = EnumSet.noneOf(CaseStatus.class);
        private @Nullable SurveyRule survey;

        private Builder(SlaPolicyId id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder rank(int value) {
            rank = value;
            return this;
        }

        public Builder kinds(CaseKind... values) {
            kinds.addAll(List.of(Check.notNull(values, "policy.kinds")));
            return this;
        }

        public Builder categories(String... values) {
            categories.addAll(List.of(Check.notNull(values, "policy.categories")));
            return this;
        }

        public Builder tiers(String... codes) {
            for (String c : Check.notNull(codes, "policy.tiers")) {
                tiers.add(TierCode.of(c));
            }
            return this;
        }

        public Builder priorities(CasePriority... values) {
            priorities.addAll(List.of(Check.notNull(values, "policy.priorities")));
            return this;
        }

        public Builder target(SlaTarget value) {
            targets.add(Check.notNull(value, "policy.targets"));
            return this;
        }

        public Builder pauseOn(CaseStatus... values) {
            pauseOn.addAll(List.of(Check.notNull(values, "policy.pauseOn")));
            return this;
        }

        public Builder survey(@Nullable SurveyRule value) {
            survey = value;
            return this;
        }

        public SlaPolicyDefinition build() {
            return new SlaPolicyDefinition(id, name, rank, kinds, categories, tiers, priorities, targets, pauseOn, survey);
        }
    }
}

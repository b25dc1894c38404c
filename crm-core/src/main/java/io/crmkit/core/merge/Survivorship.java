package io.crmkit.core.merge;

import io.crmkit.core.check.Check;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Survivorship rules as data: one {@link SurvivorshipRule} per {@link MergeField} (fields not
 * listed use {@code fallback}), and the trusted order of source systems for
 * {@link SurvivorshipRule#SOURCE_PRIORITY}. Serialisable as JSON, so a merge waiting for approval
 * stores its rules with it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules the rule per field (at most one per field)
 * @param fallback the rule of every field not in {@code rules}
 * @param sourcePriority external-system names, most trusted first (at most 32, each 1 to 64 characters)
 */
public record Survivorship(Map<MergeField, SurvivorshipRule> rules, SurvivorshipRule fallback, List<String> sourcePriority) {
    public Survivorship {
        rules = Map.copyOf(Check.map(rules, "survivorship.rules"));
        Check.notNull(fallback, "survivorship.fallback");
        sourcePriority = List.copyOf(Check.list(sourcePriority, "survivorship.sourcePriority"));
        Check.that(sourcePriority.size() <= 32, "survivorship.sourcePriority", "Size", "must have at most 32 entries");
        for (String s : sourcePriority) {
            Check.notBlank(s, "survivorship.sourcePriority", 64);
        }
    }

    /** Most complete for every field, no source order: nothing either record has is lost. */
    public static Survivorship defaults() {
        return new Survivorship(Map.of(), SurvivorshipRule.MOST_COMPLETE, List.of());
    }

    /** The same rules with {@code rule} for {@code field}. */
    public Survivorship with(MergeField field, SurvivorshipRule rule) {
        Check.notNull(field, "field");
        Check.notNull(rule, "rule");
        Map<MergeField, SurvivorshipRule> next = new EnumMap<>(MergeField.class);
        next.putAll(rules);
        next.put(field, rule);
        return new Survivorship(next, fallback, sourcePriority);
    }

    /** The same rules with this source order, most trusted first. */
    public Survivorship withSourcePriority(List<String> sources) {
        return new Survivorship(rules, fallback, sources);
    }

    /** The rule deciding {@code field}. */
    public SurvivorshipRule ruleFor(MergeField field) {
        return rules.getOrDefault(field, fallback);
    }
}

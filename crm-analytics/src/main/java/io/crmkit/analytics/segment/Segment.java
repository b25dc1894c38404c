package io.crmkit.analytics.segment;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;

/**
 * A named customer group defined by a {@link Condition} over features.
 *
 * <pre>{@code
 * Segment s = Segment.parse("core_gold", "age between 28 and 60 and tier in (GOLD, SILVER)");
 * Membership m = s.members(frame);
 * }</pre>
 * Immutable and thread-safe.
 */
public final class Segment {

    private final String name;
    private final Condition condition;

    private Segment(String name, Condition condition) {
        this.name = name;
        this.condition = condition;
    }

    /** @param name lower-case name, e.g. {@code core_gold} */
    public static Segment of(String name, Condition condition) {
        return new Segment(Checks.featureName(name, "segment.name"), Checks.notNull(condition, "segment.condition"));
    }

    /** @throws SegmentSyntaxException with the column of the first error */
    public static Segment parse(String name, String text) {
        return of(name, Condition.parse(text));
    }

    public String name() {
        return name;
    }

    public Condition condition() {
        return condition;
    }

    /**
     * The rows of {@code frame} that satisfy the condition.
     *
     * @throws SegmentSyntaxException when a feature or label of the condition does not fit the frame
     */
    public Membership members(FeatureFrame frame) {
        Checks.notNull(frame, "frame");
        return new Membership(name, frame, ConditionEvaluator.evaluate(condition, frame));
    }

    @Override
    public String toString() {
        return "Segment[" + name + ": " + condition.toText() + "]";
    }
}

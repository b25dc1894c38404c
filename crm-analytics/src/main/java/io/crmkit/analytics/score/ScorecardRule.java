package io.crmkit.analytics.score;

import io.crmkit.analytics.internal.Checks;

/**
 * One line of a points scorecard: when {@code feature comparison threshold} holds, the customer
 * earns {@code points} and the rule's reason.
 *
 * <p>Example: {@code new ScorecardRule("OPEN_COMPLAINT", "open_complaints", AT_LEAST, 1, 25,
 * "Has an open complaint")}. Immutable and thread-safe.
 *
 * @param code       stable reason code
 * @param feature    feature read
 * @param comparison how the feature is compared
 * @param threshold  finite threshold
 * @param points     points earned, 1 to 1000
 * @param text       reason in a relationship manager's words
 */
public record ScorecardRule(String code, String feature, Comparison comparison, double threshold,
                            int points, String text) {

    public ScorecardRule {
        Checks.code(code, "scorecard.rule.code");
        Checks.featureName(feature, "scorecard.rule.feature");
        Checks.notNull(comparison, "scorecard.rule.comparison");
        Checks.finite(threshold, "scorecard.rule.threshold");
        Checks.between(points, 1, 1000, "scorecard.rule.points");
        Checks.text(text, 200, "scorecard.rule.text");
    }

    public boolean test(double value) {
        return comparison.test(value, threshold);
    }
}

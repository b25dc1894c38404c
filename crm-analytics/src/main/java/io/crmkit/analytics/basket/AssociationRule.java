package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.List;
import java.util.Locale;

/**
 * An association rule "customers holding the antecedent also hold the consequent", with the
 * usual metrics. With {@code N} baskets, {@code n(X)} the baskets holding every item of X, A the
 * antecedent and C the consequent:
 * <ul>
 *   <li>{@code support = n(A ∪ C) / N}</li>
 *   <li>{@code confidence = n(A ∪ C) / n(A)}</li>
 *   <li>{@code lift = confidence / (n(C) / N)}: how many times likelier C is among holders of A</li>
 *   <li>{@code leverage = n(A ∪ C) / N − (n(A) / N)(n(C) / N)}</li>
 *   <li>{@code conviction = (1 − n(C) / N) / (1 − confidence)};
 *       {@link Double#POSITIVE_INFINITY} when confidence is 1</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param antecedent items held, in item-number order, at least one
 * @param consequent items suggested, in item-number order, at least one, none in the antecedent
 * @param count baskets holding both
 */
public record AssociationRule(List<String> antecedent, List<String> consequent, long count, double support,
                              double confidence, double lift, double leverage, double conviction) {
    public AssociationRule {
        antecedent = List.copyOf(Checks.notNull(antecedent, "rule.antecedent"));
        consequent = List.copyOf(Checks.notNull(consequent, "rule.consequent"));
        if (antecedent.isEmpty() || consequent.isEmpty()) {
            throw Checks.invalid("rule.antecedent", "NotEmpty", "antecedent and consequent must each hold an item");
        }
        for (String item : consequent) {
            if (antecedent.contains(item)) {
                throw Checks.invalid("rule.consequent", "Disjoint", "must not repeat an item of the antecedent");
            }
        }
        if (count < 1) {
            throw Checks.invalid("rule.count", "Range", "must be at least 1 (was " + count + ")");
        }
        Checks.between(support, Double.MIN_VALUE, 1.0, "rule.support");
        Checks.between(confidence, Double.MIN_VALUE, 1.0, "rule.confidence");
        Checks.positive(lift, "rule.lift");
        Checks.between(leverage, -1.0, 1.0, "rule.leverage");
        if (!(conviction >= 0)) {
            throw Checks.invalid("rule.conviction", "Range", "must be at least 0 or infinite");
        }
    }

    /**
     * The rule in plain words, for example
     * {@code "73% of customers holding FUND and DEPOSIT also hold INSURANCE; lift 2.1"}.
     */
    public String describe() {
        return percent(confidence) + " of customers holding " + join(antecedent) + " also hold " + join(consequent)
                + "; lift " + String.format(Locale.ROOT, "%.1f", lift);
    }

    /** A percentage that never rounds up to 100% or down to 0% unless it is exactly that. */
    static String percent(double fraction) {
        long p = Math.round(fraction * 100);
        if (p == 100 && fraction < 1) {
            p = 99;
        } else if (p == 0 && fraction > 0) {
            return "under 1%";
        }
        return p + "%";
    }

    static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}

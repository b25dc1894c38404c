package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Association rules derived from {@link FrequentItemsets}, ranked: highest confidence first, then
 * highest lift, then most baskets, then by antecedent and consequent items. The metrics are
 * computed from exact counts (see {@link AssociationRule}).
 *
 * <p>Immutable and thread-safe. {@link #rules()} builds a new list on every call.
 */
public final class AssociationRules {

    private final List<String> items;
    private final long baskets;
    private final RuleSemantics semantics;
    private final long[] antecedents;
    private final long[] consequents;
    private final long[] counts;
    private final long[] antecedentCounts;
    private final long[] consequentCounts;

    AssociationRules(List<String> items, long baskets, RuleSemantics semantics, long[] antecedents,
                     long[] consequents, long[] counts, long[] antecedentCounts, long[] consequentCounts) {
        this.items = items;
        this.baskets = baskets;
        this.semantics = semantics;
        this.antecedents = antecedents;
        this.consequents = consequents;
        this.counts = counts;
        this.antecedentCounts = antecedentCounts;
        this.consequentCounts = consequentCounts;
    }

    public int size() {
        return counts.length;
    }

    public RuleSemantics semantics() {
        return semantics;
    }

    public List<String> items() {
        return items;
    }

    public long baskets() {
        return baskets;
    }

    /** Rule {@code i} (0 to size-1) in rank order. */
    public AssociationRule rule(int i) {
        Checks.between(i, 0, counts.length - 1, "index");
        double n = baskets;
        double support = counts[i] / n;
        double confidence = (double) counts[i] / antecedentCounts[i];
        double consequentSupport = consequentCounts[i] / n;
        double lift = confidence / consequentSupport;
        double leverage = support - (antecedentCounts[i] / n) * consequentSupport;
        double conviction = counts[i] == antecedentCounts[i] ? Double.POSITIVE_INFINITY
                : (1 - consequentSupport) / (1 - confidence);
        return new AssociationRule(Baskets.names(items, antecedents[i]), Baskets.names(items, consequents[i]),
                counts[i], support, confidence, lift, leverage, conviction);
    }

    /** Every rule, in rank order. */
    public List<AssociationRule> rules() {
        List<AssociationRule> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(rule(i));
        }
        return out;
    }

    long antecedent(int i) {
        return antecedents[i];
    }

    long consequent(int i) {
        return consequents[i];
    }

    @Override
    public String toString() {
        return "AssociationRules[rules=" + counts.length + ", semantics=" + semantics + ", baskets=" + baskets + "]";
    }
}

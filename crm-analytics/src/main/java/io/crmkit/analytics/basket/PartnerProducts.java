package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The partner-product suggestion (交叉销售, "PTP"): for one customer, the rules whose antecedent
 * they hold entirely and whose consequent they hold none of, best first in the rules' rank
 * (confidence, then lift, then support), one suggestion per distinct consequent.
 *
 * <pre>{@code
 * PartnerProducts ptp = PartnerProducts.of(rules, baskets);
 * ptp.suggestFor("C-000123", 3);   // [PartnerSuggestion[products=[INSURANCE], reason=73% of customers holding ...]]
 * }</pre>
 *
 * <p>Each call scans the rules once. Immutable and thread-safe.
 */
public final class PartnerProducts {

    /** Most suggestions one call may ask for. */
    public static final int MAX_LIMIT = 1000;

    private final AssociationRules rules;
    private final Baskets baskets;

    private PartnerProducts(AssociationRules rules, Baskets baskets) {
        this.rules = rules;
        this.baskets = baskets;
    }

    /**
     * @param rules the rules, mined from {@code baskets} (the items must be the same)
     * @param baskets the customers' baskets; keys let {@link #suggestFor(String, int)} find them
     * @throws io.crmkit.core.error.ValidationException naming {@code rules} or {@code baskets} when
     *     null or when their items differ
     */
    public static PartnerProducts of(AssociationRules rules, Baskets baskets) {
        Checks.notNull(rules, "rules");
        Checks.notNull(baskets, "baskets");
        if (!rules.items().equals(baskets.items())) {
            throw Checks.invalid("rules", "SameItems", "must be mined from the same items as the baskets");
        }
        return new PartnerProducts(rules, baskets);
    }

    /**
     * Suggestions for the customer with this key; none when the key is unknown (an unknown
     * customer and one without suggestions look the same).
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code key} when null, or
     *     {@code limit} out of 1..{@value #MAX_LIMIT}
     */
    public List<PartnerSuggestion> suggestFor(String customerKey, int limit) {
        Checks.notNull(customerKey, "key");
        Checks.between(limit, 1, MAX_LIMIT, "limit");
        return baskets.rowOfKey(customerKey).map(row -> suggest(baskets.mask(row), limit)).orElse(List.of());
    }

    /** Suggestions for the basket in row {@code row}. */
    public List<PartnerSuggestion> suggestForRow(int row, int limit) {
        Checks.between(limit, 1, MAX_LIMIT, "limit");
        return suggest(baskets.mask(row), limit);
    }

    /**
     * Suggestions for a customer holding these items (names outside the data set are ignored:
     * no rule can be about them).
     */
    public List<PartnerSuggestion> suggest(Collection<String> holdings, int limit) {
        Checks.notNull(holdings, "holdings");
        Checks.between(limit, 1, MAX_LIMIT, "limit");
        long held = 0;
        for (String item : holdings) {
            int i = item == null ? -1 : baskets.items().indexOf(item);
            if (i >= 0) {
                held |= 1L << i;
            }
        }
        return suggest(held, limit);
    }

    private List<PartnerSuggestion> suggest(long held, int limit) {
        List<PartnerSuggestion> out = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < rules.size() && out.size() < limit; i++) {
            long a = rules.antecedent(i);
            long c = rules.consequent(i);
            if ((a & ~held) != 0 || (c & held) != 0 || seen.contains(c)) {
                continue;
            }
            seen.add(c);
            AssociationRule rule = rules.rule(i);
            out.add(new PartnerSuggestion(rule.consequent(), rule, rule.describe()));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "PartnerProducts[rules=" + rules.size() + ", baskets=" + baskets.size() + "]";
    }
}

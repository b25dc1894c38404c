package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.List;

/**
 * A frequent itemset: items held together, the number of baskets holding all of them and that
 * number as a fraction of all baskets.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the items, in item-number order, at least one
 * @param count baskets that hold every item, at least 1
 * @param support {@code count / baskets}, in (0, 1]
 */
public record Itemset(List<String> items, long count, double support) {
    public Itemset {
        items = List.copyOf(Checks.notNull(items, "itemset.items"));
        if (items.isEmpty()) {
            throw Checks.invalid("itemset.items", "NotEmpty", "must hold at least one item");
        }
        if (count < 1) {
            throw Checks.invalid("itemset.count", "Range", "must be at least 1 (was " + count + ")");
        }
        Checks.between(support, Double.MIN_VALUE, 1.0, "itemset.support");
    }
}

package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The frequent itemsets of a data set, each with its exact count, ordered by length and then by
 * item numbers (lexicographically). Look up any itemset's count with {@link #find}, and derive
 * association rules with {@link #rules(RuleConfig)}.
 *
 * <p>Immutable and thread-safe. {@link #itemsets()} builds a new list on every call.
 */
public final class FrequentItemsets {

    private final List<String> items;
    private final long baskets;
    private final long minCount;
    private final long[] masks;
    private final long[] counts;
    private final MaskCounts index;

    FrequentItemsets(List<String> items, long baskets, long minCount, long[] masks, long[] counts) {
        this.items = items;
        this.baskets = baskets;
        this.minCount = minCount;
        int[] order = sortedOrder(masks);
        this.masks = new long[masks.length];
        this.counts = new long[masks.length];
        for (int i = 0; i < order.length; i++) {
            this.masks[i] = masks[order[i]];
            this.counts[i] = counts[order[i]];
        }
        this.index = new MaskCounts(masks, counts);
    }

    /** Number of frequent itemsets. */
    public int size() {
        return masks.length;
    }

    /** The data set's items, in item-number order. */
    public List<String> items() {
        return items;
    }

    /** Number of baskets mined (the denominator of every support). */
    public long baskets() {
        return baskets;
    }

    /** The least count an itemset needed. */
    public long minCount() {
        return minCount;
    }

    /** Itemset {@code i} (0 to size-1) as a bit mask over {@link #items()}. */
    public long mask(int i) {
        return masks[Checks.between(i, 0, masks.length - 1, "index")];
    }

    /** Count of itemset {@code i}. */
    public long count(int i) {
        return counts[Checks.between(i, 0, masks.length - 1, "index")];
    }

    /** Itemset {@code i} as a record. */
    public Itemset itemset(int i) {
        return new Itemset(Baskets.names(items, mask(i)), counts[i], (double) counts[i] / baskets);
    }

    /** Every frequent itemset, in this result's order. */
    public List<Itemset> itemsets() {
        List<Itemset> out = new ArrayList<>(masks.length);
        for (int i = 0; i < masks.length; i++) {
            out.add(itemset(i));
        }
        return out;
    }

    /**
     * The frequent itemset of exactly these items, when it is frequent.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code items} for a null or an item
     *     not in the data set
     */
    public Optional<Itemset> find(Collection<String> itemNames) {
        long mask = maskOf(itemNames, "items");
        long c = mask == 0 ? 0 : index.get(mask);
        return c == 0 ? Optional.empty() : Optional.of(new Itemset(Baskets.names(items, mask), c, (double) c / baskets));
    }

    /**
     * Association rules from these itemsets.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code basket.rules} when null, or
     *     {@code basket.maxRules} when more rules qualify than the bound
     */
    public AssociationRules rules(RuleConfig config) {
        Checks.notNull(config, "basket.rules");
        return RuleGenerator.generate(this, config);
    }

    /** Count of the itemset with this mask, or 0 when it is not frequent. */
    long countOf(long mask) {
        return index.get(mask);
    }

    long[] rawMasks() {
        return masks;
    }

    long[] rawCounts() {
        return counts;
    }

    long maskOf(Collection<String> itemNames, String field) {
        return Baskets.maskOf(items, itemNames, field);
    }

    @Override
    public String toString() {
        return "FrequentItemsets[itemsets=" + masks.length + ", baskets=" + baskets + ", minCount=" + minCount + "]";
    }

    /** Shorter itemsets first; equal lengths by their item numbers, lexicographically. */
    static int compareMasks(long a, long b) {
        int la = Long.bitCount(a);
        int lb = Long.bitCount(b);
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        if (a == b) {
            return 0;
        }
        // All lower items are shared; the mask holding the lowest differing item comes first.
        return (a & Long.lowestOneBit(a ^ b)) != 0 ? -1 : 1;
    }

    private static int[] sortedOrder(long[] masks) {
        Integer[] idx = new Integer[masks.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> compareMasks(masks[x], masks[y]));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}

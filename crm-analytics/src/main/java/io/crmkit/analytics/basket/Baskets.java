package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A data set of baskets: one set of distinct items per customer, over at most {@link #MAX_ITEMS}
 * distinct items, each basket kept as a bit mask ({@code 1L << item}) so that mining and rule
 * look-ups work on {@code long}s. Items are numbered in the order of {@link #items()}; a basket may
 * be empty (it still counts in the number of baskets, the denominator of every support fraction).
 * Customer keys, when given, let {@link PartnerProducts} find a customer's basket.
 *
 * <p>Item names are product codes (for example {@code FUND} or an instrument code): 1 to
 * {@link #MAX_ITEM_NAME} characters without control characters. They appear in rules and reasons,
 * so they must never be personal data. At most {@link #MAX_BASKETS} baskets.
 *
 * <p>Immutable and thread-safe ({@link #masks()} returns a copy).
 */
public final class Baskets {

    /** Distinct items a data set may have: one bit each in a {@code long}. */
    public static final int MAX_ITEMS = 64;
    /** Longest item name. */
    public static final int MAX_ITEM_NAME = 64;
    /** Most baskets in one data set. */
    public static final int MAX_BASKETS = 100_000_000;

    private final List<String> items;
    private final long[] masks;
    private final @Nullable Map<String, Integer> rowOfKey;

    private Baskets(List<String> items, long[] masks, @Nullable Map<String, Integer> rowOfKey) {
        this.items = items;
        this.masks = masks;
        this.rowOfKey = rowOfKey;
    }

    /**
     * Baskets from item lists; items are numbered in order of first appearance. Repeats inside a
     * basket count once.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code baskets} (null, too many,
     *     more than {@value #MAX_ITEMS} distinct items) or {@code baskets[i]} (null or bad item name)
     */
    public static Baskets of(List<? extends Collection<String>> baskets) {
        Checks.notNull(baskets, "baskets");
        checkCount(baskets.size());
        Map<String, Integer> index = new LinkedHashMap<>();
        long[] masks = new long[baskets.size()];
        for (int b = 0; b < masks.length; b++) {
            String field = "baskets[" + b + "]";
            Collection<String> basket = Checks.notNull(baskets.get(b), field);
            for (String item : basket) {
                masks[b] |= 1L << itemIndex(index, item, field);
            }
        }
        return new Baskets(List.copyOf(index.keySet()), masks, null);
    }

    /**
     * Baskets of item numbers into {@code items}: {@code baskets[b]} lists the items customer
     * {@code b} holds (repeats count once).
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code items} (null, empty, more than
     *     {@value #MAX_ITEMS}, bad or repeated name) or {@code baskets[b]} (null, number out of range)
     */
    public static Baskets ofIndices(int[][] baskets, List<String> items) {
        Checks.notNull(baskets, "baskets");
        checkCount(baskets.length);
        List<String> names = checkItems(items);
        long[] masks = new long[baskets.length];
        for (int b = 0; b < masks.length; b++) {
            int[] basket = Checks.notNull(baskets[b], "baskets[" + b + "]");
            long m = 0;
            for (int item : basket) {
                if (item < 0 || item >= names.size()) {
                    throw Checks.invalid("baskets[" + b + "]", "ItemNumber",
                            "item numbers must be between 0 and " + (names.size() - 1) + " (was " + item + ")");
                }
                m |= 1L << item;
            }
            masks[b] = m;
        }
        return new Baskets(names, masks, null);
    }

    /**
     * Baskets given as bit masks over {@code items} (bit {@code i} set when the customer holds item
     * {@code i}); the array is copied.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code items} or {@code masks} (a bit
     *     set beyond the last item)
     */
    public static Baskets ofMasks(long[] masks, List<String> items) {
        Checks.notNull(masks, "masks");
        checkCount(masks.length);
        List<String> names = checkItems(items);
        long allowed = names.size() == 64 ? -1L : (1L << names.size()) - 1;
        for (int b = 0; b < masks.length; b++) {
            if ((masks[b] & ~allowed) != 0) {
                throw Checks.invalid("masks[" + b + "]", "ItemNumber",
                        "sets a bit beyond the last of " + names.size() + " items");
            }
        }
        return new Baskets(names, masks.clone(), null);
    }

    /**
     * The same baskets with a customer key per basket (for example the {@code CustomerId} text),
     * so that {@link PartnerProducts#suggestFor(String, int)} can find them.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code keys} (null, wrong length, a
     *     null, blank or repeated key)
     */
    public Baskets withKeys(List<String> customerKeys) {
        Checks.notNull(customerKeys, "keys");
        Checks.sameLength(masks.length, customerKeys.size(), "keys");
        Map<String, Integer> rows = new HashMap<>(masks.length * 2);
        for (int b = 0; b < masks.length; b++) {
            String key = customerKeys.get(b);
            if (key == null || key.isBlank()) {
                throw Checks.invalid("keys", "NotBlank", "must not contain a null or blank key (row " + b + ")");
            }
            if (rows.putIfAbsent(key, b) != null) {
                // The key itself stays out of the message: it may identify a customer.
                throw Checks.invalid("keys", "Distinct", "must not contain the same key twice (rows "
                        + rows.get(key) + " and " + b + ")");
            }
        }
        return new Baskets(items, masks, rows);   // never changed after this point
    }

    /** Number of baskets (customers), empty ones included. */
    public int size() {
        return masks.length;
    }

    /** The items, in item-number order. */
    public List<String> items() {
        return items;
    }

    /** The basket of row {@code row} as a bit mask over {@link #items()}. */
    public long mask(int row) {
        return masks[Checks.between(row, 0, masks.length - 1, "row")];
    }

    /** A copy of every basket's mask. */
    public long[] masks() {
        return masks.clone();
    }

    /** The item names of row {@code row}'s basket, in item-number order. */
    public List<String> basket(int row) {
        return names(items, mask(row));
    }

    /** The row of the basket with customer key {@code key}, when keys were given and it is present. */
    public Optional<Integer> rowOfKey(String key) {
        return rowOfKey == null || key == null ? Optional.empty() : Optional.ofNullable(rowOfKey.get(key));
    }

    /** Whether baskets carry customer keys. */
    public boolean hasKeys() {
        return rowOfKey != null;
    }

    /** Backing masks for the miner: read-only by contract. */
    long[] rawMasks() {
        return masks;
    }

    @Override
    public String toString() {
        return "Baskets[baskets=" + masks.length + ", items=" + items + ", keys=" + (rowOfKey != null) + "]";
    }

    /** The bit mask of the named items over {@code items}; a null or unknown name is refused. */
    static long maskOf(List<String> items, Collection<String> names, String field) {
        Checks.notNull(names, field);
        long m = 0;
        for (String name : names) {
            int i = name == null ? -1 : items.indexOf(name);
            if (i < 0) {
                throw Checks.invalid(field, "KnownItem", "must name items of this data set only");
            }
            m |= 1L << i;
        }
        return m;
    }

    static List<String> names(List<String> items, long mask) {
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (long m = mask; m != 0; m &= m - 1) {
            out.add(items.get(Long.numberOfTrailingZeros(m)));
        }
        return List.copyOf(out);
    }

    private static int itemIndex(Map<String, Integer> index, @Nullable String item, String field) {
        Integer i = index.get(item);
        if (i != null) {
            return i;
        }
        checkName(item, field);
        if (index.size() == MAX_ITEMS) {
            throw Checks.invalid("baskets", "MaxItems", "must have at most " + MAX_ITEMS + " distinct items");
        }
        index.put(item, index.size());
        return index.size() - 1;
    }

    private static List<String> checkItems(List<String> items) {
        Checks.notNull(items, "items");
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw Checks.invalid("items", "Size", "must have 1 to " + MAX_ITEMS + " items (had " + items.size() + ")");
        }
        for (int i = 0; i < items.size(); i++) {
            checkName(items.get(i), "items[" + i + "]");
            if (items.indexOf(items.get(i)) != i) {
                throw Checks.invalid("items[" + i + "]", "Distinct", "repeats an earlier item name");
            }
        }
        return List.copyOf(items);
    }

    private static void checkName(@Nullable String item, String field) {
        Checks.text(Checks.notNull(item, field), MAX_ITEM_NAME, field);
    }

    private static void checkCount(int n) {
        if (n > MAX_BASKETS) {
            throw Checks.invalid("baskets", "Size", "must have at most " + MAX_BASKETS + " baskets (had " + n + ")");
        }
    }
}

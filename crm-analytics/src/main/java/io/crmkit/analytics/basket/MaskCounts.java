package io.crmkit.analytics.basket;

import java.util.Arrays;

/**
 * An open-addressing hash from itemset masks to their counts, for the rule generator's subset
 * look-ups, without boxing. Absent masks answer 0 (every real count is at least 1).
 *
 * <p>Immutable after construction and thread-safe.
 */
final class MaskCounts {

    private final long[] keys;
    private final long[] values;
    private final int mask;

    MaskCounts(long[] masks, long[] counts) {
        int cap = Integer.highestOneBit(Math.max(2, masks.length * 2 - 1)) << 1;
        keys = new long[cap];
        values = new long[cap];
        mask = cap - 1;
        for (int i = 0; i < masks.length; i++) {
            int s = MaskMiner.hash(masks[i]) & mask;
            while (values[s] != 0) {
                s = (s + 1) & mask;
            }
            keys[s] = masks[i];
            values[s] = counts[i];
        }
    }

    long get(long key) {
        int s = MaskMiner.hash(key) & mask;
        while (values[s] != 0) {
            if (keys[s] == key) {
                return values[s];
            }
            s = (s + 1) & mask;
        }
        return 0;
    }

    @Override
    public String toString() {
        return "MaskCounts[" + Arrays.stream(values).filter(v -> v != 0).count() + "]";
    }
}

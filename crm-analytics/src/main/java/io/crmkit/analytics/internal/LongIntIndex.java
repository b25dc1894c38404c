package io.crmkit.analytics.internal;

import java.util.Arrays;

/**
 * An open-addressing hash from distinct long keys (customer ids) to their row, without boxing.
 *
 * <p>Not part of the public API. Immutable after construction and thread-safe.
 */
public final class LongIntIndex {

    private final long[] keys;
    private final int[] rows;
    private final int mask;

    /**
     * @throws RuntimeException naming {@code field} when a key occurs twice
     */
    public LongIntIndex(long[] ids, String field) {
        int cap = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        keys = new long[cap];
        rows = new int[cap];
        Arrays.fill(rows, -1);
        mask = cap - 1;
        for (int i = 0; i < ids.length; i++) {
            int slot = slot(ids[i]);
            while (rows[slot] >= 0) {
                if (keys[slot] == ids[i]) {
                    throw Checks.invalid(field, "must not contain the same id twice (rows "
                            + rows[slot] + " and " + i + ")");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = ids[i];
            rows[slot] = i;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Returns the row of {@code key}, or -1 when absent. */
    public int rowOf(long key) {
        int slot = slot(key);
        while (rows[slot] >= 0) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}

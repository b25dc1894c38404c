package io.crmkit.analytics.clv.internal;

import java.util.Arrays;

/**
 * Gives each distinct long key a dense index 0, 1, 2, ... in order of first appearance
 * (open addressing, no boxing), so that grouping a million customers costs one probe each.
 *
 * <p>Not part of the public API. Not thread-safe; used inside one grouping pass.
 */
final class Interner {

    private long[] keys;
    private int[] ids;
    private int mask;
    /** 64 - log2(capacity): the slot is the top bits of the key times the golden ratio. */
    private int shift;
    private int size;

    Interner(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        keys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, -1);
        mask = cap - 1;
        shift = Long.numberOfLeadingZeros(cap) + 1;
    }

    int size() {
        return size;
    }

    /** The index of {@code key}, assigning the next one when it is new. */
    int intern(long key) {
        int slot = slot(key, shift);
        while (ids[slot] >= 0) {
            if (keys[slot] == key) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /**
     * Fibonacci hashing: the top bits of the product depend on every bit of the key. (The low bits
     * do not: the bits of whole-number doubles such as 38.0 end in zeros, and a slot taken from
     * the low end put most of them into one probe chain.)
     */
    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, -1);
        mask = keys.length - 1;
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] >= 0) {
                int slot = slot(oldKeys[i], shift);
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}

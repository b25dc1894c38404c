package io.crmkit.analytics.nba;

import java.util.Arrays;

/**
 * Orders entries by priority, highest first, keeping index order among equal priorities, and
 * hands them out lazily one block at a time, so a caller that stops early sorts only the top.
 *
 * <p>A radix sort over the priority's bit pattern (priorities are finite and at least 0, whose bit
 * patterns order like the numbers, so no comparator is needed and the order is exact): one
 * most-significant pass on the top 16 bits splits the entries into blocks, and each block is
 * sorted when it is asked for by a stable least-significant pass over the other 48 bits, 16 bits
 * at a time, skipping digits that every entry of the block shares.
 *
 * <p>Not thread-safe; one instance per ordering. Not part of the API.
 */
final class PriorityOrder {

    private static final int DIGIT = 16;
    private static final int BUCKETS = 1 << DIGIT;

    private final long[] keys;
    private final int[] order;
    private final int[] bucketStart;
    private int bucket;

    /** Orders the first {@code count} entries of {@code priority}. */
    PriorityOrder(double[] priority, int count) {
        long[] raw = new long[count];
        int[] counts = new int[BUCKETS + 1];
        for (int i = 0; i < count; i++) {
            raw[i] = Long.MAX_VALUE - Double.doubleToRawLongBits(priority[i]); // non-negative, falls as priority rises
            counts[(int) (raw[i] >>> 48) + 1]++;
        }
        for (int d = 0; d < BUCKETS; d++) {
            counts[d + 1] += counts[d];
        }
        bucketStart = counts.clone();
        keys = new long[count];
        order = new int[count];
        for (int i = 0; i < count; i++) {
            int pos = counts[(int) (raw[i] >>> 48)]++;
            keys[pos] = raw[i];
            order[pos] = i;
        }
    }

    /** The next block of entry indexes in order, or null when every entry was handed out. */
    int[] next() {
        while (bucket < BUCKETS && bucketStart[bucket] == bucketStart[bucket + 1]) {
            bucket++;
        }
        if (bucket == BUCKETS) {
            return null;
        }
        int from = bucketStart[bucket];
        int to = bucketStart[bucket + 1];
        bucket++;
        sortLow(from, to);
        return Arrays.copyOfRange(order, from, to);
    }

    /**
     * Stable sort of [from, to) on the low 48 bits of the keys: insertion sort for a handful, else
     * LSD radix with 8-bit digits for small blocks and 16-bit digits for large ones (the count
     * table should stay small against the block).
     */
    private void sortLow(int from, int to) {
        int len = to - from;
        if (len <= 32) {
            for (int i = from + 1; i < to; i++) {
                long key = keys[i];
                int idx = order[i];
                int j = i - 1;
                while (j >= from && keys[j] > key) {
                    keys[j + 1] = keys[j];
                    order[j + 1] = order[j];
                    j--;
                }
                keys[j + 1] = key;
                order[j + 1] = idx;
            }
            return;
        }
        int digit = len < (1 << 16) ? 8 : DIGIT;
        int buckets = 1 << digit;
        long[] k = Arrays.copyOfRange(keys, from, to);
        int[] o = Arrays.copyOfRange(order, from, to);
        long[] kb = new long[len];
        int[] ob = new int[len];
        int[] counts = new int[buckets];
        for (int shift = 0; shift < 48; shift += digit) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < len; i++) {
                counts[(int) (k[i] >>> shift) & (buckets - 1)]++;
            }
            if (counts[(int) (k[0] >>> shift) & (buckets - 1)] == len) {
                continue; // every entry has this digit: the pass would move nothing
            }
            int sum = 0;
            for (int d = 0; d < buckets; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < len; i++) {
                int pos = counts[(int) (k[i] >>> shift) & (buckets - 1)]++;
                kb[pos] = k[i];
                ob[pos] = o[i];
            }
            long[] tk = k;
            k = kb;
            kb = tk;
            int[] tmp = o;
            o = ob;
            ob = tmp;
        }
        System.arraycopy(o, 0, order, from, len);
        System.arraycopy(k, 0, keys, from, len);
    }

    /** Every index of the first {@code count} entries, highest priority first, ties in index order. */
    static int[] descending(double[] priority, int count) {
        PriorityOrder po = new PriorityOrder(priority, count);
        int[] all = new int[count];
        int at = 0;
        for (int[] block = po.next(); block != null; block = po.next()) {
            System.arraycopy(block, 0, all, at, block.length);
            at += block.length;
        }
        return all;
    }
}

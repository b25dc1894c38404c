package io.crmkit.analytics.internal;

import java.util.Arrays;

/**
 * Exact order statistics (the k-th smallest value) of a double column without sorting it:
 * an MSD radix selection on the IEEE-754 bit pattern, 16 bits per level.
 *
 * <p>Level one builds one 65,536-bucket histogram of the top 16 bits (in parallel chunks), finds
 * the bucket holding each requested rank, and gathers only the values of those buckets (this is
 * {@link RankScorer}'s two-pass kernel, asked to score nothing); deeper levels
 * ({@link #selectKeys}, shared with the sampled scorers) repeat on the gathered values. A typical column costs two reads of the data, whatever
 * the number of requested ranks, instead of an O(n log n) sort.
 *
 * <p>Input must contain no NaN and no negative zero (feature frames guarantee both), so that the
 * bit order equals the numeric order. Not part of the public API. Stateless and thread-safe.
 */
public final class OrderStatistics {

    private static final int BUCKETS = 1 << 16;
    private static final int SORT_BELOW = 1 << 12;

    private OrderStatistics() {
    }

    /** Maps a double to a long whose signed order is the double's numeric order. */
    static long key(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    // Buckets use the unsigned top 16 bits of (key ^ MIN_VALUE) so that negative values come first.
    static int bucket(long key, int shift) {
        return (int) (((key ^ Long.MIN_VALUE) >>> shift) & 0xFFFF);
    }

    /**
     * Returns the values at the given 0-based ascending ranks.
     *
     * @param values      the column (not modified)
     * @param ranks       ranks in {@code [0, values.length)}, any order, duplicates allowed
     * @param parallelism 1 for the calling thread only
     */
    public static double[] select(double[] values, int[] ranks, int parallelism) {
        int n = values.length;
        for (int r : ranks) {
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("rank " + r + " outside [0, " + n + ")");
            }
        }
        if (ranks.length == 0) {
            return new double[0];
        }
        // one kernel for selecting and for scoring by ranks: the scorer's two passes, scoring nothing
        return RankScorer.twoPass(values, ranks, false, null, parallelism);
    }

    static void locate(int[] counts, int[] ranks, int[] bucketOf, int[] localRank) {
        Integer[] order = new Integer[ranks.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(ranks[a], ranks[b]));
        int b = 0;
        long before = 0;
        for (Integer idx : order) {
            int r = ranks[idx];
            while (before + counts[b] <= r) {
                before += counts[b];
                b++;
            }
            bucketOf[idx] = b;
            localRank[idx] = (int) (r - before);
        }
    }

    /** Selects rank {@code r} among {@code keys[0, len)}, refining on bits below {@code shift + 16}. */
    static long selectKeys(long[] keys, int len, int r, int shift) {
        if (len > SORT_BELOW) {
            // a block of ties (common at a quantile of integer data) needs no refinement
            long first = keys[0];
            boolean same = true;
            for (int i = 1; i < len; i++) {
                same &= keys[i] == first;
            }
            if (same) {
                return first;
            }
        }
        while (true) {
            if (len <= SORT_BELOW || shift < 0) {
                long[] copy = Arrays.copyOf(keys, len);
                Arrays.sort(copy);
                return copy[r];
            }
            int[] h = new int[BUCKETS];
            for (int i = 0; i < len; i++) {
                h[bucket(keys[i], shift)]++;
            }
            int b = 0;
            int before = 0;
            while (before + h[b] <= r) {
                before += h[b];
                b++;
            }
            if (h[b] != len) {
                long[] next = new long[h[b]];
                int p = 0;
                for (int i = 0; i < len; i++) {
                    if (bucket(keys[i], shift) == b) {
                        next[p++] = keys[i];
                    }
                }
                keys = next;
                len = next.length;
                r -= before;
            }
            shift -= 16;
        }
    }
}

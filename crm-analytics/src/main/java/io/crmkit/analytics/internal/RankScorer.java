package io.crmkit.analytics.internal;

import io.crmkit.analytics.ProgressListener;
import java.util.Arrays;

/**
 * Scores a column against thresholds that are its own order statistics, in two passes over the
 * data instead of three: {@code score = 1 + #{k : v > t_k}} ("above") or
 * {@code 1 + #{k : v < t_k}} ("below"), where {@code t_k} is the value at ascending rank
 * {@code ranks[k]}.
 *
 * <p>Columns of at least {@link SampledScorer#MIN_ROWS} rows are first tried in one pass from a
 * sample (see {@link SampledScorer}); this class is the exact fallback and the small-column path.
 *
 * <p>Pass one builds the 65,536-bucket histogram of the values' top 16 bits (see
 * {@link OrderStatistics}). It tells which buckets hold a threshold. Pass two writes the score of
 * every value whose bucket holds none (it is fixed by the bucket alone) and gathers the others with
 * their rows. The exact thresholds are then selected from the gathered values, and only the
 * gathered rows are scored by comparison.
 *
 * <p>Values must contain no NaN and no negative zero. Not part of the public API. Stateless and
 * thread-safe.
 */
public final class RankScorer {

    private static final int BUCKETS = 1 << 16;

    private RankScorer() {
    }

    /**
     * @param values      the column (not modified)
     * @param ranks       0-based ascending ranks of the thresholds, 1 to 100 of them
     * @param below       true to count thresholds the value is below, false for above
     * @param out         receives the score of every row
     * @param parallelism 1 for the calling thread only
     * @return the thresholds, in the order of {@code ranks}
     */
    public static double[] score(double[] values, int[] ranks, boolean below, byte[] out, int parallelism) {
        int n = values.length;
        if (ranks.length == 0 || ranks.length > 100) {
            throw new IllegalStateException("1 to 100 ranks");
        }
        for (int r : ranks) {
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("rank " + r + " outside [0, " + n + ")");
            }
        }
        if (n >= SampledScorer.MIN_ROWS) {
            double[] t = SampledScorer.score(values, ranks, below, out, parallelism);
            if (t != null) {
                return t;
            }
        }
        return twoPass(values, ranks, below, out, parallelism);
    }

    /**
     * The exact kernel: also {@link OrderStatistics#select}, which passes {@code out == null} to
     * get the thresholds without scoring any row.
     */
    static double[] twoPass(double[] values, int[] ranks, boolean below, byte[] out, int parallelism) {
        int n = values.length;
        int chunk = Parallel.DEFAULT_CHUNK * 4;
        int chunks = Parallel.chunkCount(n, chunk);
        int[][] hist = new int[chunks][];
        Parallel.forEachChunk(n, chunk, parallelism, "select", ProgressListener.none(), (c, from, to) -> {
            int[] h = new int[BUCKETS];
            for (int i = from; i < to; i++) {
                h[OrderStatistics.bucket(OrderStatistics.key(values[i]), 48)]++;
            }
            hist[c] = h;
        });
        int[] total = new int[BUCKETS];
        for (int[] h : hist) {
            for (int b = 0; b < BUCKETS; b++) {
                total[b] += h[b];
            }
        }
        int[] bucketOf = new int[ranks.length];
        int[] localRank = new int[ranks.length];
        OrderStatistics.locate(total, ranks, bucketOf, localRank);

        byte[] table = new byte[BUCKETS];
        int[] slot = new int[BUCKETS];
        Arrays.fill(slot, -1);
        int slots = 0;
        for (int b : bucketOf) {
            if (slot[b] < 0) {
                slot[b] = slots++;
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            if (slot[b] < 0) {
                int count = 0;
                for (int tb : bucketOf) {
                    count += below ? (tb > b ? 1 : 0) : (tb < b ? 1 : 0);
                }
                table[b] = (byte) (1 + count);
            }
        }
        long[][] keys = new long[slots][];
        int[][] rows = new int[slots][];
        int[][] offsets = new int[chunks][slots];
        for (int b = 0; b < BUCKETS; b++) {
            int s = slot[b];
            if (s >= 0) {
                keys[s] = new long[total[b]];
                rows[s] = new int[total[b]];
                int acc = 0;
                for (int c = 0; c < chunks; c++) {
                    offsets[c][s] = acc;
                    acc += hist[c][b];
                }
            }
        }
        Parallel.forEachChunk(n, chunk, parallelism, "select", ProgressListener.none(), (c, from, to) -> {
            int[] pos = offsets[c];
            for (int i = from; i < to; i++) {
                long k = OrderStatistics.key(values[i]);
                int b = OrderStatistics.bucket(k, 48);
                int s = slot[b];
                if (s < 0) {
                    if (out != null) {
                        out[i] = table[b];
                    }
                } else {
                    int p = pos[s]++;
                    keys[s][p] = k;
                    rows[s][p] = i;
                }
            }
        });
        double[] thresholds = new double[ranks.length];
        for (int k = 0; k < ranks.length; k++) {
            long[] ks = keys[slot[bucketOf[k]]];
            thresholds[k] = OrderStatistics.value(OrderStatistics.selectKeys(ks, ks.length, localRank[k], 32));
        }
        if (out != null) {
            for (int s = 0; s < slots; s++) {
                fixUp(keys[s], rows[s], keys[s].length, thresholds, below, out, parallelism);
            }
        }
        return thresholds;
    }

    /** Scores the gathered rows by comparing with every threshold. */
    static void fixUp(long[] keys, int[] rows, int length, double[] thresholds, boolean below, byte[] out,
                      int parallelism) {
        Parallel.forEachChunk(length, Parallel.DEFAULT_CHUNK, parallelism, "select", ProgressListener.none(),
                (c, from, to) -> {
                    for (int j = from; j < to; j++) {
                        double v = OrderStatistics.value(keys[j]);
                        int count = 1;
                        for (double t : thresholds) {
                            count += below ? (v < t ? 1 : 0) : (v > t ? 1 : 0);
                        }
                        out[rows[j]] = (byte) count;
                    }
                });
    }
}

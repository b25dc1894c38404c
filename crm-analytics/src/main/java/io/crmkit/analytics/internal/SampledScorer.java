package io.crmkit.analytics.internal;

import io.crmkit.analytics.ProgressListener;
import java.util.Arrays;

/**
 * The one-pass path of {@link RankScorer}: a deterministic sample (128 evenly spaced blocks of
 * 4,096 rows) predicts, for every threshold, a generous range of radix buckets that must contain
 * it. One pass over the data then writes the score of every value outside the predicted ranges
 * (fixed by its bucket alone), counts those values per score, and gathers the values inside the
 * ranges. The counts and the gathered values give the exact rank of every bucket that matters,
 * which verifies the prediction; when a threshold lies outside its range the caller falls
 * back to the exact two-pass method, so results never depend on the sample, only the speed does.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
final class SampledScorer {

    static final int MIN_ROWS = 1 << 20;
    private static final int BUCKETS = 1 << 16;
    static final int BLOCK = 4096;
    /** Blocks sampled per column: 524,288 rows. */
    static final int BLOCKS = 128;
    /**
     * Half-width of a predicted threshold range, in sample positions: 5 standard deviations of a
     * sampled quantile (at most sqrt(sampled) / 2 each), plus slack for the block sampling. A
     * wider margin gathers more rows near every threshold; a miss only costs the exact two-pass
     * method.
     */
    static final int MARGIN = (int) (5 * 0.5 * Math.sqrt(BLOCKS * BLOCK) + 128);

    private SampledScorer() {
    }

    /** The prediction for one column: bucket mapping, predicted ranges and the scoring table. */
    static final class Plan {
        final double min;
        final double scale;
        final int sampled;
        final int[] lo;
        final int[] hi;
        final byte[] table;
        final int candidates;

        Plan(double min, double scale, int sampled, int[] lo, int[] hi, byte[] table, int candidates) {
            this.min = min;
            this.scale = scale;
            this.sampled = sampled;
            this.lo = lo;
            this.hi = hi;
            this.table = table;
            this.candidates = candidates;
        }

        /** Initial room for the gathered rows of a chunk (grown when needed). */
        int capacity(int chunk) {
            if (candidates == 0) {
                return 16;
            }
            return (int) Math.min(chunk, (long) chunk * candidates / sampled * 5 / 4 + 1024);
        }
    }

    /** @return the thresholds, or null when the prediction missed and nothing usable was written */
    static double[] score(double[] values, int[] ranks, boolean below, byte[] out, int parallelism) {
        int n = values.length;
        Plan plan = plan(values, ranks, below, BLOCKS, MARGIN);
        final byte[] table = plan.table;
        final double lo0 = plan.min;
        final double sc0 = plan.scale;
        int chunk = Parallel.DEFAULT_CHUNK * 4;
        int chunks = Parallel.chunkCount(n, chunk);
        int[][] perScore = new int[chunks][];
        long[][] keys = new long[chunks][];
        int[][] rows = new int[chunks][];
        int[] counts = new int[chunks];
        int capacity = plan.capacity(chunk);
        Parallel.forEachChunk(n, chunk, parallelism, "select", ProgressListener.none(), (c, from, to) -> {
            // Eight interleaved copies of the per-score counters, so that consecutive rows never
            // wait on the same counter (a full bucket histogram here costs more than the scoring).
            int[] cnt = new int[8 * 128];
            long[] gk = new long[capacity];
            int[] gr = new int[capacity];
            int g = 0;
            for (int i = from; i < to; i++) {
                double v = values[i];
                byte sc = table[bucket(v, lo0, sc0)];
                cnt[((i & 7) << 7) | sc]++;
                if (sc != 0) {
                    out[i] = sc;
                } else {
                    if (g == gk.length) {
                        gk = Arrays.copyOf(gk, g * 2);
                        gr = Arrays.copyOf(gr, g * 2);
                    }
                    gk[g] = OrderStatistics.key(v);
                    gr[g] = i;
                    g++;
                }
            }
            perScore[c] = cnt;
            keys[c] = gk;
            rows[c] = gr;
            counts[c] = g;
        });
        double[] thresholds = verify(plan, ranks, chunks, perScore, 128, keys, counts);
        if (thresholds == null) {
            return null;
        }
        for (int c = 0; c < chunks; c++) {
            RankScorer.fixUp(keys[c], rows[c], counts[c], thresholds, below, out, parallelism);
        }
        return thresholds;
    }

    /**
     * Samples {@code blocks} evenly spaced blocks of {@link #BLOCK} rows and predicts a bucket range
     * around every threshold: the sampled quantile plus or minus {@code margin} sample positions.
     */
    static Plan plan(double[] values, int[] ranks, boolean below, int blocks, int margin) {
        int n = values.length;
        // Buckets are linear between the sample's extremes (clamped outside): unlike the bit
        // pattern's top 16 bits they give every day of a recency column its own bucket, so few
        // rows share a bucket with a threshold. Any increasing mapping keeps the method exact.
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < blocks; j++) {
            int start = (int) ((long) (n - BLOCK) * j / (blocks - 1));
            for (int i = start; i < start + BLOCK; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        double scale = (BUCKETS - 1) / (max - min);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            scale = 1;
        }
        final double lo0 = min;
        final double sc0 = scale;
        int[] sample = new int[BUCKETS];
        int sampled = 0;
        for (int j = 0; j < blocks; j++) {
            int start = (int) ((long) (n - BLOCK) * j / (blocks - 1));
            for (int i = start; i < start + BLOCK; i++) {
                sample[bucket(values[i], lo0, sc0)]++;
            }
            sampled += BLOCK;
        }
        int k = ranks.length;
        int[] lo = new int[k];
        int[] hi = new int[k];
        for (int t = 0; t < k; t++) {
            long at = (long) ranks[t] * sampled / n;
            lo[t] = bucketAt(sample, Math.max(0, at - margin));
            hi[t] = bucketAt(sample, Math.min(sampled - 1, at + margin));
        }
        byte[] table = new byte[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            int count = 0;
            boolean candidate = false;
            for (int t = 0; t < k; t++) {
                candidate |= b >= lo[t] && b <= hi[t];
                count += below ? (lo[t] > b ? 1 : 0) : (hi[t] < b ? 1 : 0);
            }
            table[b] = candidate ? 0 : (byte) (1 + count);
        }
        int candidates = 0;
        for (int b = 0; b < BUCKETS; b++) {
            candidates += table[b] == 0 ? sample[b] : 0;
        }
        return new Plan(lo0, sc0, sampled, lo, hi, table, candidates);
    }

    /**
     * The base of an exact histogram for a column that looks discrete (days, counts): every
     * sampled value a whole number and their span under 32,768, so that buckets
     * {@code base .. base + 65535} hold one value each with room on both sides of the sample.
     * NaN when the sample does not look discrete. The histogram pass checks every row.
     */
    static double discreteBase(double[] values, int blocks) {
        int n = values.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < blocks; j++) {
            int start = (int) ((long) (n - BLOCK) * j / (blocks - 1));
            for (int i = start; i < start + BLOCK; i++) {
                double v = values[i];
                if (v != Math.rint(v) || Math.abs(v) >= 0x1p52) {
                    return Double.NaN;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double span = max - min;
        return span < 32_768 ? min - Math.floor((BUCKETS - 1 - span) / 2) : Double.NaN;
    }

    /**
     * The plan of a column whose exact histogram over {@code base .. base + 65535} is known (one
     * value per bucket): every bucket's score is exact, none is a candidate, nothing is gathered.
     */
    static Plan exactPlan(double base, int[] histogram, int[] ranks, boolean below) {
        int k = ranks.length;
        int[] bucketOf = new int[k];
        OrderStatistics.locate(histogram, ranks, bucketOf, new int[k]);
        byte[] table = new byte[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            int count = 1;
            for (int t = 0; t < k; t++) {
                count += below ? (b < bucketOf[t] ? 1 : 0) : (b > bucketOf[t] ? 1 : 0);
            }
            table[b] = (byte) count;
        }
        return new Plan(base, 1.0, 0, bucketOf, bucketOf, table, 0);
    }

    /**
     * Exact thresholds from the per-chunk score counts ({@code 8 * slots} interleaved counters per
     * chunk) and the gathered keys, or null when a threshold lies outside its predicted range.
     */
    static double[] verify(Plan plan, int[] ranks, int chunks, int[][] perScore, int slots, long[][] keys,
                           int[] counts) {
        final double lo0 = plan.min;
        final double sc0 = plan.scale;
        final byte[] table = plan.table;
        int k = ranks.length;
        // The exact histogram: gathered values by bucket, and each gap between predicted ranges
        // (all its rows share one score) put on the gap's first bucket; order is all that matters.
        int[] total = new int[BUCKETS];
        for (int c = 0; c < chunks; c++) {
            long[] gk = keys[c];
            for (int j = 0; j < counts[c]; j++) {
                total[bucket(OrderStatistics.value(gk[j]), lo0, sc0)]++;
            }
        }
        boolean[] placed = new boolean[128];
        for (int b = 0; b < BUCKETS; b++) {
            int sc = table[b];
            if (sc != 0 && !placed[sc]) {
                placed[sc] = true;
                for (int c = 0; c < chunks; c++) {
                    for (int copy = 0; copy < 8; copy++) {
                        total[b] += perScore[c][copy * slots + sc];
                    }
                }
            }
        }
        int[] bucketOf = new int[k];
        int[] localRank = new int[k];
        OrderStatistics.locate(total, ranks, bucketOf, localRank);
        for (int t = 0; t < k; t++) {
            if (bucketOf[t] < plan.lo[t] || bucketOf[t] > plan.hi[t]) {
                return null;
            }
        }
        // One scan of the gathered values sorts out those of the thresholds' buckets.
        int[] slot = new int[BUCKETS];
        Arrays.fill(slot, -1);
        long[][] inBucket = new long[k][];
        int[] filled = new int[k];
        for (int t = 0; t < k; t++) {
            if (slot[bucketOf[t]] < 0) {
                slot[bucketOf[t]] = t;
                inBucket[t] = new long[total[bucketOf[t]]];
            }
        }
        for (int c = 0; c < chunks; c++) {
            long[] gk = keys[c];
            for (int j = 0; j < counts[c]; j++) {
                int t = slot[bucket(OrderStatistics.value(gk[j]), lo0, sc0)];
                if (t >= 0) {
                    inBucket[t][filled[t]++] = gk[j];
                }
            }
        }
        double[] thresholds = new double[k];
        for (int t = 0; t < k; t++) {
            int owner = slot[bucketOf[t]];
            thresholds[t] = OrderStatistics.value(
                    OrderStatistics.selectKeys(inBucket[owner], filled[owner], localRank[t], 48));
        }
        return thresholds;
    }

    /** Increasing (not strictly) map of a value to a bucket: linear, clamped to [0, 65535]. */
    static int bucket(double v, double lo, double scale) {
        int b = (int) ((v - lo) * scale);
        return b < 0 ? 0 : (b > BUCKETS - 1 ? BUCKETS - 1 : b);
    }

    /** The bucket holding the sample element at 0-based position {@code at}. */
    private static int bucketAt(int[] sample, long at) {
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += sample[b];
            if (seen > at) {
                return b;
            }
        }
        return BUCKETS - 1;
    }
}

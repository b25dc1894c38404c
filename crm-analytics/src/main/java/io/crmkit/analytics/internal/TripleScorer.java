package io.crmkit.analytics.internal;

import io.crmkit.analytics.ProgressListener;
import java.util.Arrays;

/**
 * Scores three columns against their own order statistics in one fused pass (the RFM hot path),
 * and writes a cell byte looked up from the scores of the first two columns.
 *
 * <p>Same method as {@link SampledScorer}, applied to three columns at once: a deterministic sample
 * per column predicts a range of buckets around each threshold; one pass reads the three columns
 * together (memory-level parallelism of three concurrent streams), writes every score fixed by its
 * bucket, counts scores per chunk and gathers the rows near a threshold. The counts and gathered
 * values give the exact thresholds and verify the prediction; a column whose prediction missed is
 * scored again by the exact two-pass method, so results never depend on the sample.
 *
 * <p>Chunk boundaries depend only on the row count, and partial results are merged in chunk order,
 * so the result is the same for any number of threads. Not part of the public API. Thread-safe.
 */
public final class TripleScorer {

    /** Columns shorter than this go through {@link RankScorer} one by one. */
    public static final int MIN_ROWS = SampledScorer.MIN_ROWS;

    private static final int COLUMNS = 3;
    private static final int SLOTS = 16;
    // Twice the single-column sample and a tighter margin (5 standard deviations of a sampled
    // quantile, at most sqrt(sampled) / 2, plus slack): fewer rows are gathered, and a miss
    // only costs the exact two-pass method on that column.
    private static final int BLOCKS = 128;
    private static final int MARGIN = (int) (5 * 0.5 * Math.sqrt(BLOCKS * SampledScorer.BLOCK) + 128);

    private TripleScorer() {
    }

    /**
     * @param values  three columns of equal length (not modified), at least
     *                {@link SampledScorer#MIN_ROWS} rows
     * @param ranks   per column, 0-based ascending ranks of the thresholds, 1 to 14 of them
     * @param below   per column, true to count thresholds the value is below
     * @param out     per column, receives the scores
     * @param cellOf  cell of (score0 * 16 + score1)
     * @param cell    receives the cell of every row
     */
    public static void score(double[][] values, int[][] ranks, boolean[] below, byte[][] out,
                             byte[] cellOf, byte[] cell, int parallelism) {
        int n = values[0].length;
        SampledScorer.Plan[] plans = new SampledScorer.Plan[COLUMNS];
        for (int col = 0; col < COLUMNS; col++) {
            if (values[col].length != n || ranks[col].length == 0 || ranks[col].length >= SLOTS - 1) {
                throw new IllegalStateException("three columns of equal length, 1 to 14 ranks");
            }
            for (int r : ranks[col]) {
                if (r < 0 || r >= n) {
                    throw new IndexOutOfBoundsException("rank " + r + " outside [0, " + n + ")");
                }
            }
        }
        // the three columns are planned, and later verified, concurrently (each on its own)
        Parallel.forEachChunk(COLUMNS, 1, parallelism, "rfm", ProgressListener.none(), (col, from, to) ->
                plans[col] = SampledScorer.plan(values[col], ranks[col], below[col], BLOCKS, MARGIN));
        int chunk = Parallel.DEFAULT_CHUNK * 4;
        int chunks = Parallel.chunkCount(n, chunk);
        int[][][] perScore = new int[COLUMNS][chunks][];
        long[][][] keys = new long[COLUMNS][chunks][];
        int[][][] rows = new int[COLUMNS][chunks][];
        int[][] counts = new int[COLUMNS][chunks];
        final double[] v0 = values[0];
        final double[] v1 = values[1];
        final double[] v2 = values[2];
        final byte[] o0 = out[0];
        final byte[] o1 = out[1];
        final byte[] o2 = out[2];
        final SampledScorer.Plan p0 = plans[0];
        final SampledScorer.Plan p1 = plans[1];
        final SampledScorer.Plan p2 = plans[2];
        Parallel.forEachChunk(n, chunk, parallelism, "rfm", ProgressListener.none(), (c, from, to) -> {
            // Eight interleaved copies of the per-score counters per column, so that consecutive
            // rows never wait on the same counter.
            int[] cnt0 = new int[8 * SLOTS];
            int[] cnt1 = new int[8 * SLOTS];
            int[] cnt2 = new int[8 * SLOTS];
            long[] k0 = new long[p0.capacity(chunk)];
            int[] r0 = new int[k0.length];
            long[] k1 = new long[p1.capacity(chunk)];
            int[] r1 = new int[k1.length];
            long[] k2 = new long[p2.capacity(chunk)];
            int[] r2 = new int[k2.length];
            int g0 = 0;
            int g1 = 0;
            int g2 = 0;
            final byte[] t0 = p0.table;
            final byte[] t1 = p1.table;
            final byte[] t2 = p2.table;
            final double lo0 = p0.min;
            final double sc0 = p0.scale;
            final double lo1 = p1.min;
            final double sc1 = p1.scale;
            final double lo2 = p2.min;
            final double sc2 = p2.scale;
            for (int i = from; i < to; i++) {
                double a = v0[i];
                double b = v1[i];
                double d = v2[i];
                int s0 = t0[SampledScorer.bucket(a, lo0, sc0)];
                int s1 = t1[SampledScorer.bucket(b, lo1, sc1)];
                int s2 = t2[SampledScorer.bucket(d, lo2, sc2)];
                int copy = (i & 7) << 4;
                cnt0[copy | s0]++;
                cnt1[copy | s1]++;
                cnt2[copy | s2]++;
                o0[i] = (byte) s0;
                o1[i] = (byte) s1;
                o2[i] = (byte) s2;
                cell[i] = cellOf[(s0 << 4) | s1];
                if (s0 == 0) {
                    if (g0 == k0.length) {
                        k0 = Arrays.copyOf(k0, g0 * 2 + 16);
                        r0 = Arrays.copyOf(r0, g0 * 2 + 16);
                    }
                    k0[g0] = OrderStatistics.key(a);
                    r0[g0++] = i;
                }
                if (s1 == 0) {
                    if (g1 == k1.length) {
                        k1 = Arrays.copyOf(k1, g1 * 2 + 16);
                        r1 = Arrays.copyOf(r1, g1 * 2 + 16);
                    }
                    k1[g1] = OrderStatistics.key(b);
                    r1[g1++] = i;
                }
                if (s2 == 0) {
                    if (g2 == k2.length) {
                        k2 = Arrays.copyOf(k2, g2 * 2 + 16);
                        r2 = Arrays.copyOf(r2, g2 * 2 + 16);
                    }
                    k2[g2] = OrderStatistics.key(d);
                    r2[g2++] = i;
                }
            }
            perScore[0][c] = cnt0;
            perScore[1][c] = cnt1;
            perScore[2][c] = cnt2;
            keys[0][c] = k0;
            keys[1][c] = k1;
            keys[2][c] = k2;
            rows[0][c] = r0;
            rows[1][c] = r1;
            rows[2][c] = r2;
            counts[0][c] = g0;
            counts[1][c] = g1;
            counts[2][c] = g2;
        });
        double[][] thresholds = new double[COLUMNS][];
        boolean cellsValid = true;
        Parallel.forEachChunk(COLUMNS, 1, parallelism, "rfm", ProgressListener.none(), (col, from, to) ->
                thresholds[col] = SampledScorer.verify(plans[col], ranks[col], chunks, perScore[col], SLOTS,
                        keys[col], counts[col]));
        for (int col = 0; col < COLUMNS; col++) {
            if (thresholds[col] == null) {
                RankScorer.twoPass(values[col], ranks[col], below[col], out[col], parallelism);
                if (col < 2) {
                    cellsValid = false;
                }
            }
        }
        final boolean fixCells = cellsValid;
        Parallel.forEachChunk(chunks, 1, parallelism, "rfm", ProgressListener.none(), (c, from, to) -> {
            for (int col = 0; col < COLUMNS; col++) {
                double[] t = thresholds[col];
                if (t == null) {
                    continue;
                }
                long[] ks = keys[col][c];
                int[] rs = rows[col][c];
                byte[] o = out[col];
                boolean bl = below[col];
                for (int j = 0, len = counts[col][c]; j < len; j++) {
                    double v = OrderStatistics.value(ks[j]);
                    int count = 1;
                    for (double th : t) {
                        count += bl ? (v < th ? 1 : 0) : (v > th ? 1 : 0);
                    }
                    o[rs[j]] = (byte) count;
                }
            }
            if (fixCells) {
                for (int col = 0; col < 2; col++) {
                    int[] rs = rows[col][c];
                    for (int j = 0, len = counts[col][c]; j < len; j++) {
                        int row = rs[j];
                        cell[row] = cellOf[(o0[row] << 4) | o1[row]];
                    }
                }
            }
        });
        if (!fixCells) {
            Parallel.forEachChunk(n, chunk, parallelism, "rfm", ProgressListener.none(), (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    cell[i] = cellOf[(o0[i] << 4) | o1[i]];
                }
            });
        }
    }
}

package io.crmkit.analytics.score;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.RankScorer;
import io.crmkit.analytics.internal.Parallel;
import io.crmkit.analytics.internal.TripleScorer;

/**
 * RFM scoring: recency, frequency and monetary value each scored 1..q by quantile, recency
 * inverted (fewer days since the last activity scores higher), plus the named cell.
 *
 * <p><b>Tie rule.</b> A customer's score on a dimension is {@code 1 + floor(q * c / n)}, where
 * {@code n} is the number of customers and {@code c} the number of customers strictly worse on that
 * dimension (lower frequency or monetary value; more days since the last activity). In SQL terms
 * it is {@code 1 + floor(q * (RANK() - 1) / n)} with the ranking ordered worst first. Equal values
 * therefore always share a score, a block of ties is never split across two scores, and it falls
 * in the score of its first (worst-ranked) member; a score may then stay empty, and quantiles may
 * hold unequal numbers of customers.
 *
 * <p>The score of a row is {@code r + f + m} (3 to 3q); its label is the cell's display name.
 * Thresholds are exact order statistics found by radix selection while scoring, so a run costs
 * one fused pass over the three columns (two on a misprediction) and no sort. Immutable and thread-safe.
 */
public final class RfmModel implements ScoringModel {

    private final RfmConfig config;

    private RfmModel(RfmConfig config) {
        this.config = config;
    }

    public static RfmModel of(RfmConfig config) {
        return new RfmModel(Checks.notNull(config, "config"));
    }

    public static RfmModel ofDefaults() {
        return new RfmModel(RfmConfig.ofDefaults());
    }

    public RfmConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "rfm";
    }

    @Override
    public RfmResult score(FeatureFrame frame) {
        return score(frame, ProgressListener.none());
    }

    @Override
    public RfmResult score(FeatureFrame frame, ProgressListener progress) {
        Checks.notNull(frame, "frame");
        Checks.notNull(progress, "progress");
        double[] rec = frame.numeric(config.recencyFeature());
        double[] freq = frame.numeric(config.frequencyFeature());
        double[] mon = frame.numeric(config.monetaryFeature());
        int n = frame.size();
        int q = config.quantiles();
        int par = config.parallelism();
        byte[][] outputs = Parallel.newByteArrays(3, n, par);
        byte[] r = outputs[0];
        byte[] f = outputs[1];
        byte[] m = outputs[2];
        if (n >= TripleScorer.MIN_ROWS) {
            progress.onProgress("rfm", 0, n);
            TripleScorer.score(new double[][] {rec, freq, mon},
                    new int[][] {ranks(n, q, true), ranks(n, q, false), ranks(n, q, false)},
                    new boolean[] {true, false, false}, new byte[][] {r, f, m}, par);
            progress.onProgress("rfm", n, n);
        } else if (n > 0) {
            RankScorer.score(rec, ranks(n, q, true), true, r, par);
            progress.onProgress("rfm", n / 4, n);
            RankScorer.score(freq, ranks(n, q, false), false, f, par);
            progress.onProgress("rfm", n / 2, n);
            RankScorer.score(mon, ranks(n, q, false), false, m, par);
            progress.onProgress("rfm", n, n);
        } else {
            progress.onProgress("rfm", 0, 0);
        }
        // the cell follows from R and F through a 256-entry table, so it is looked up, not stored
        return new RfmResult(frame, q, r, f, m, cellTable(q));
    }

    /**
     * Ranks of the thresholds such that score = 1 + number of thresholds passed. For a normal
     * dimension a value passes threshold k when it is greater than the sorted value at index
     * m_k - 1; for an inverted one when it is smaller than the sorted value at index n - m_k;
     * m_k = ceil(k n / q). See the tie rule in the class comment for why this equals
     * 1 + floor(q c / n).
     */
    static int[] ranks(int n, int q, boolean inverted) {
        long[] wide = thresholdRanks(n, q, inverted);
        int[] ranks = new int[q - 1];
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = (int) wide[k];
        }
        return ranks;
    }

    /**
     * For engines that select the order statistics elsewhere (a cluster): the 0-based ascending
     * ranks, among {@code n} values of one dimension, of the {@code q - 1} thresholds that
     * {@link #score(FeatureFrame, double[], double[], double[])} takes. {@code n} is a
     * {@code long} so that a distributed count fits.
     *
     * @throws RuntimeException the validation error when {@code n < 1} or {@code q} is outside 2..10
     */
    public static long[] thresholdRanks(long n, int q, boolean inverted) {
        Checks.between(q, 2, 10, "rfm.quantiles");
        if (n < 1 || n > Long.MAX_VALUE / 16) {
            throw Checks.invalid("rows", "Range", "must be at least 1 (was " + n + ")");
        }
        long[] ranks = new long[q - 1];
        for (int k = 1; k < q; k++) {
            long mk = (k * n + q - 1) / q;
            ranks[k - 1] = inverted ? n - mk : mk - 1;
        }
        return ranks;
    }

    /**
     * Scores the rows of {@code frame} against thresholds found elsewhere, e.g. over all the
     * partitions of a cluster: {@code score = 1 + #{k : v > t_k}} for frequency and monetary value
     * and {@code 1 + #{k : v < t_k}} for recency, where {@code t_k} is the value at
     * {@link #thresholdRanks} of the whole population. With the thresholds of the frame itself
     * this gives exactly what {@link #score(FeatureFrame)} gives. Single-threaded.
     *
     * @throws RuntimeException the validation error when a threshold array does not hold
     *                          {@code quantiles - 1} finite values
     */
    public RfmResult score(FeatureFrame frame, double[] recencyThresholds, double[] frequencyThresholds,
                           double[] monetaryThresholds) {
        Checks.notNull(frame, "frame");
        int q = config.quantiles();
        byte[] r = byThresholds(frame.numeric(config.recencyFeature()), recencyThresholds, true, q, "recency");
        byte[] f = byThresholds(frame.numeric(config.frequencyFeature()), frequencyThresholds, false, q, "frequency");
        byte[] m = byThresholds(frame.numeric(config.monetaryFeature()), monetaryThresholds, false, q, "monetary");
        return new RfmResult(frame, q, r, f, m, cellTable(q));
    }

    private static byte[] byThresholds(double[] values, double[] thresholds, boolean below, int q, String dimension) {
        String field = "rfm.thresholds." + dimension;
        Checks.notNull(thresholds, field);
        if (thresholds.length != q - 1) {
            throw Checks.invalid(field, "Size", "must hold " + (q - 1) + " thresholds (had " + thresholds.length + ")");
        }
        for (double t : thresholds) {
            Checks.finite(t, field);
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            int s = 1;
            for (double t : thresholds) {
                s += below ? (v < t ? 1 : 0) : (v > t ? 1 : 0);
            }
            out[i] = (byte) s;
        }
        return out;
    }

    /** Scale from 1..q to 1..5 by rounding the linear map, so cells work for any q. */
    static int toFive(int score, int q) {
        return 1 + (int) Math.round((score - 1) * 4.0 / (q - 1));
    }

    /** Cell ordinal by {@code recency * 16 + frequency} score. */
    private static byte[] cellTable(int q) {
        byte[] table = new byte[16 * 16];
        for (int rs = 1; rs <= q; rs++) {
            for (int fs = 1; fs <= q; fs++) {
                table[rs * 16 + fs] = (byte) RfmCell.of(toFive(rs, q), toFive(fs, q)).ordinal();
            }
        }
        return table;
    }
}

package io.crmkit.quality.dedup;

import io.crmkit.core.check.Check;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Estimates Fellegi-Sunter m and u probabilities from the data with expectation-maximisation
 * (Winkler 1988) over the comparison patterns of every blocked pair. The patterns are counted
 * once (at most 4^6 of them), so each iteration is cheap and the result depends only on the data
 * and the seed, which perturbs the starting point (the given weights) reproducibly. Levels a field
 * does not use stay at 0; the thresholds are kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmEstimator {
    private static final MatchField[] FIELDS = MatchField.values();
    private static final int LEVELS = 4;
    private static final double FLOOR = 1e-6;

    private EmEstimator() {}

    /**
     * Weights estimated over {@code records} blocked and compared as {@code finder} does, starting
     * from the finder's weights perturbed by {@code seed}, for {@code iterations} (1 to 1,000) rounds.
     */
    public static MatchWeights estimate(DuplicateFinder finder, List<MatchRecord> records, long seed, int iterations) {
        Check.notNull(finder, "finder");
        Check.range(iterations, 1, 1_000, "iterations");
        MatchFeatures[] f = finder.prepare(records);
        int patterns = (int) Math.pow(LEVELS, FIELDS.length);
        AtomicLongArray counts = new AtomicLongArray(patterns);
        finder.forEachPair(f, (a, b) -> counts.incrementAndGet(code(PairScorer.compare(a, b))));
        long[] n = new long[patterns];
        for (int k = 0; k < patterns; k++) {
            n[k] = counts.get(k);
        }
        return run(finder.weights(), n, seed, iterations);
    }

    static MatchWeights run(MatchWeights start, long[] n, long seed, int iterations) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int fields = FIELDS.length;
        double[][] m = new double[fields][3];
        double[][] u = new double[fields][3];
        boolean[][] used = new boolean[fields][3];
        for (MatchField fld : FIELDS) {
            for (int l = 0; l < 3; l++) {
                MatchLevel level = MatchLevel.values()[l];
                used[fld.ordinal()][l] = start.m(fld, level) > 0 && start.u(fld, level) > 0;
                m[fld.ordinal()][l] = used[fld.ordinal()][l] ? start.m(fld, level) * (0.9 + 0.2 * rnd.nextDouble()) : 0;
                u[fld.ordinal()][l] = used[fld.ordinal()][l] ? start.u(fld, level) * (0.9 + 0.2 * rnd.nextDouble()) : 0;
            }
            normalise(m[fld.ordinal()]);
            normalise(u[fld.ordinal()]);
        }
        double p = 0.01 + 0.02 * rnd.nextDouble();
        int[][] levels = new int[n.length][];
        for (int k = 0; k < n.length; k++) {
            levels[k] = decode(k);
        }
        for (int it = 0; it < iterations; it++) {
            double[][] mNum = new double[fields][3];
            double[][] uNum = new double[fields][3];
            double matches = 0;
            double total = 0;
            for (int k = 0; k < n.length; k++) {
                if (n[k] == 0) {
                    continue;
                }
                double pm = p;
                double pu = 1 - p;
                for (int fi = 0; fi < fields; fi++) {
                    int l = levels[k][fi];
                    if (l < 3) {
                        pm *= Math.max(m[fi][l], FLOOR);
                        pu *= Math.max(u[fi][l], FLOOR);
                    }
                }
                double g = pm / (pm + pu);
                matches += n[k] * g;
                total += n[k];
                for (int fi = 0; fi < fields; fi++) {
                    int l = levels[k][fi];
                    if (l < 3) {
                        mNum[fi][l] += n[k] * g;
                        uNum[fi][l] += n[k] * (1 - g);
                    }
                }
            }
            if (total == 0) {
                break;
            }
            p = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
            for (int fi = 0; fi < fields; fi++) {
                for (int l = 0; l < 3; l++) {
                    m[fi][l] = used[fi][l] || l == 2 ? Math.max(mNum[fi][l], FLOOR) : 0;
                    u[fi][l] = used[fi][l] || l == 2 ? Math.max(uNum[fi][l], FLOOR) : 0;
                }
                normalise(m[fi]);
                normalise(u[fi]);
            }
        }
        MatchWeights.Builder b = start.toBuilder();
        for (MatchField fld : FIELDS) {
            b.raw(fld, m[fld.ordinal()], u[fld.ordinal()]);
        }
        return b.build();
    }

    private static void normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        if (s > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
        }
    }

    static int code(MatchLevel[] levels) {
        int c = 0;
        for (MatchLevel l : levels) {
            c = c * LEVELS + l.ordinal();
        }
        return c;
    }

    static int[] decode(int code) {
        int[] l = new int[FIELDS.length];
        for (int i = FIELDS.length - 1; i >= 0; i--) {
            l[i] = code % LEVELS;
            code /= LEVELS;
        }
        return l;
    }
}

package io.crmkit.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RankScorerTest {

    private static final int N = (1 << 20) + 12_345;

    private static double[] column(IntToDoubleFunction f) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = f.applyAsDouble(i) + 0.0;
        }
        return v;
    }

    /** Scores by sorting and counting, independently of the radix code. */
    private static void assertExact(double[] values, boolean below, int parallelism) {
        int q = 5;
        int[] ranks = new int[q - 1];
        for (int k = 1; k < q; k++) {
            ranks[k - 1] = (int) ((long) N * k / q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        byte[] out = new byte[N];
        double[] t = RankScorer.score(values, ranks, below, out, parallelism);
        for (int k = 0; k < ranks.length; k++) {
            assertThat(t[k]).isEqualTo(sorted[ranks[k]]);
        }
        for (int i = 0; i < N; i += 7) {
            int count = 1;
            for (double x : t) {
                count += below ? (values[i] < x ? 1 : 0) : (values[i] > x ? 1 : 0);
            }
            assertThat(out[i]).as("row %d", i).isEqualTo((byte) count);
        }
    }

    @Test
    @DisplayName("scores large columns exactly on the one-pass sampled path, for clustered and continuous data")
    void sampledPathIsExact() {
        SplittableRandom rnd = new SplittableRandom(23);
        assertExact(column(i -> rnd.nextInt(365)), true, 2);
        assertExact(column(i -> rnd.nextInt(80)), false, 1);
        assertExact(column(i -> Math.exp(rnd.nextGaussian() * 2 + 8)), false, 2);
        assertExact(column(i -> rnd.nextInt(100) < 60 ? 0 : rnd.nextDouble() * 100 - 50), false, 2);
        assertExact(column(i -> 7), true, 2);
    }

    @Test
    @DisplayName("falls back to the exact method when the sample misleads")
    void fallsBackWhenSampleMisses() {
        // 0 inside every sampled block, 1 everywhere else: the sample predicts the wrong buckets
        double[] v = new double[N];
        Arrays.fill(v, 1);
        int blocks = SampledScorer.BLOCKS;
        int block = SampledScorer.BLOCK;
        for (int j = 0; j < blocks; j++) {
            int start = (int) ((long) (N - block) * j / (blocks - 1));
            Arrays.fill(v, start, start + block, 0);
        }
        assertThat(SampledScorer.score(v, new int[] {N / 2}, false, new byte[N], 2)).isNull();
        assertExact(v, false, 2);
    }
}

package io.crmkit.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

    private static void assertMatchesSort(double[] values, int parallelism, SplittableRandom rnd) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] ranks = new int[9];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i < 2 ? (i == 0 ? 0 : values.length - 1) : rnd.nextInt(values.length);
        }
        double[] got = OrderStatistics.select(values, ranks, parallelism);
        for (int i = 0; i < ranks.length; i++) {
            assertThat(got[i]).as("rank %d", ranks[i]).isEqualTo(sorted[ranks[i]]);
        }
    }

    private static double[] fill(int n, DoubleSupplier s) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.getAsDouble() + 0.0;
        }
        return v;
    }

    @Test
    @DisplayName("selects the same values as a full sort for many seeded distributions and sizes")
    void matchesSortOnSeededData() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 60; round++) {
            int n = 1 + rnd.nextInt(round < 40 ? 5000 : 300_000);
            double[][] cases = {
                fill(n, () -> rnd.nextDouble() * 1000 - 500),
                fill(n, () -> Math.exp(rnd.nextGaussian() * 2 + 8)),
                fill(n, () -> rnd.nextInt(7)),
                fill(n, () -> 1024 + rnd.nextDouble()),
                fill(n, () -> 3.5),
                fill(n, () -> rnd.nextInt(3650)),
                fill(n, () -> -rnd.nextInt(100) * 0.25),
            };
            for (double[] values : cases) {
                assertMatchesSort(values, 1 + round % 2, rnd);
            }
        }
    }

    @Test
    @DisplayName("orders negative values, zero and huge magnitudes numerically")
    void ordersSignsAndMagnitudes() {
        double[] v = {5, -1e300, 0.0, -2.5, 1e300, Double.MIN_VALUE, -Double.MIN_VALUE};
        double[] got = OrderStatistics.select(v, new int[] {0, 1, 2, 3, 4, 5, 6}, 1);
        assertThat(got).containsExactly(-1e300, -2.5, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 5, 1e300);
    }

    @Test
    @DisplayName("rejects a rank outside the column")
    void rejectsRankOutside() {
        assertThatThrownBy(() -> OrderStatistics.select(new double[] {1, 2}, new int[] {2}, 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("rank 2");
    }
}

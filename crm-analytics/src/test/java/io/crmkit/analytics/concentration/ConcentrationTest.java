package io.crmkit.analytics.concentration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    @Test
    @DisplayName("measures the top shares and Gini of a small table by hand")
    void handComputed() {
        // sorted desc: 50, 20, 10, 10, 5, 5 (total 100)
        Concentration c = Concentration.of(new double[] {10, 50, 5, 20, 10, 5});
        assertThat(c.total()).isEqualTo(100);
        assertThat(c.shareOfTop(0)).isZero();
        assertThat(c.shareOfTop(1 / 6.0)).isCloseTo(0.5, within(1e-12));
        assertThat(c.shareOfTop(0.2)).isCloseTo(0.7, within(1e-12)); // ceil(1.2) = 2 customers
        assertThat(c.shareOfTop(0.5)).isCloseTo(0.8, within(1e-12));
        assertThat(c.shareOfTop(1)).isCloseTo(1.0, within(1e-12));
        assertThat(c.customerShareFor(0.8)).isCloseTo(0.5, within(1e-12));
        assertThat(c.customerShareFor(0.81)).isCloseTo(4 / 6.0, within(1e-12));
        // ascending 5,5,10,10,20,50 with weights 2i-n-1 = -5,-3,-1,1,3,5:
        // -25 -15 -10 +10 +60 +250 = 270; G = 270 / (6 * 100) = 0.45
        assertThat(c.gini()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    @DisplayName("gives Gini 0 for equal values and (n-1)/n when one customer brings everything")
    void extremes() {
        assertThat(Concentration.of(new double[] {3, 3, 3, 3}).gini()).isCloseTo(0, within(1e-12));
        assertThat(Concentration.of(new double[] {0, 0, 0, 7}).gini()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    @DisplayName("agrees with the brute-force mean absolute difference and prefix sums on seeded data")
    void agreesWithBruteForce() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 30; round++) {
            int n = 1 + rnd.nextInt(300);
            double[] v = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                v[i] = Math.floor(Math.exp(rnd.nextGaussian() * 1.5 + 3));
                total += v[i];
            }
            v[0] += 1;
            total += 1;
            double abs = 0;
            for (double a : v) {
                for (double b : v) {
                    abs += Math.abs(a - b);
                }
            }
            double gini = abs / (2.0 * n * n * (total / n));
            Concentration c = Concentration.of(v);
            assertThat(c.gini()).isCloseTo(gini, within(1e-9));
            // top k by brute force: repeatedly take the largest
            double[] copy = v.clone();
            java.util.Arrays.sort(copy);
            int k = (int) Math.ceil(0.2 * n);
            double top = 0;
            for (int i = 0; i < k; i++) {
                top += copy[n - 1 - i];
            }
            assertThat(c.shareOfTop(0.2)).isCloseTo(top / total, within(1e-9));
            assertThat(c.paretoCurve(10)).hasSize(11);
            assertThat(c.paretoCurve(10).get(10).revenueShare()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    @DisplayName("rejects negative values, a zero total and bad shares, naming the field")
    void rejectsBadInput() {
        assertThatThrownBy(() -> Concentration.of(new double[] {1, -2})).hasMessageContaining("values row 1");
        assertThatThrownBy(() -> Concentration.of(new double[] {1, Double.NaN})).hasMessageContaining("values row 1");
        assertThatThrownBy(() -> Concentration.of(new double[] {0, 0})).hasMessageContaining("positive total");
        assertThatThrownBy(() -> Concentration.of(new double[0])).hasMessageContaining("positive total");
        assertThatThrownBy(() -> Concentration.of(new double[] {1}).shareOfTop(1.5)).hasMessageContaining("customerShare");
        assertThatThrownBy(() -> Concentration.of(new double[] {1}).paretoCurve(0)).hasMessageContaining("points");
    }
}

package io.crmkit.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PredictionTest {

    private static final List<PurchaseModel> MODELS = List.of(
            BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258, PeriodUnit.WEEKS),
            MbgNbdModel.of(0.5, 4, 1.2, 4, PeriodUnit.WEEKS),
            ParetoNbdModel.of(0.5533, 10.5776, 0.6062, 11.6679, PeriodUnit.WEEKS));

    @Test
    @DisplayName("P(X(t) = n) sums to 1 over n and its mean is E[X(t)], for every model")
    void countDistributionIsConsistent() {
        for (PurchaseModel m : MODELS) {
            for (double t : new double[] {1, 39, 78}) {
                double total = 0;
                double mean = 0;
                for (int n = 0; n < 400; n++) {
                    double p = m.probabilityOfPurchases(n, t);
                    assertThat(p).isBetween(0.0, 1.0);
                    total += p;
                    mean += n * p;
                }
                assertThat(total).as("%s sum at t=%s", m.name(), t).isCloseTo(1, within(1e-6));
                assertThat(mean).as("%s mean at t=%s", m.name(), t).isCloseTo(m.expectedPurchases(t), within(1e-4));
            }
            assertThat(m.probabilityOfPurchases(0, 0)).isEqualTo(1);
            assertThat(m.probabilityOfPurchases(3, 0)).isEqualTo(0);
        }
    }

    @Test
    @DisplayName("a customer seen at time 0 with no repeat is expected to buy E[X(t)] (BG/NBD, Pareto/NBD)")
    void conditionalMatchesUnconditionalForNewCustomer() {
        for (PurchaseModel m : List.of(MODELS.get(0), MODELS.get(2))) {
            assertThat(m.conditionalExpectedPurchases(39, 0, 0, 0)).isCloseTo(m.expectedPurchases(39), within(1e-9));
        }
    }

    @Test
    @DisplayName("P(alive) t ahead equals P(alive) now at t=0, falls with t, and matches direct integration (BG/NBD)")
    void aliveAhead() {
        for (PurchaseModel m : MODELS) {
            double now = m.probabilityAlive(3, 20, 38);
            assertThat(m.probabilityAlive(3, 20, 38, 0)).isCloseTo(now, within(1e-12));
            assertThat(m.probabilityAlive(3, 20, 38, 10)).isLessThan(now);
            assertThat(m.probabilityAlive(3, 20, 38, 52)).isLessThan(m.probabilityAlive(3, 20, 38, 10));
        }
        // BG/NBD: P(alive at T+t) = P(alive at T) E[((alpha+T)/(alpha+T+p t))^(r+x)], p ~ Beta(a, b+x)
        double r = 0.2426;
        double alpha = 4.4135;
        double a = 0.7929;
        double b = 2.4258;
        int x = 3;
        double age = 38;
        double ahead = 26;
        double lbeta = Math.exp(io.crmkit.analytics.clv.internal.Special.lbeta(a, b + x));
        // substitute p = u^(1/a) so that the p^(a-1) singularity at 0 disappears
        DoubleUnaryOperator f = u -> {
            double p = Math.pow(u, 1 / a);
            return Math.pow(1 - p, b + x - 1) / a * Math.pow((alpha + age) / (alpha + age + p * ahead), r + x);
        };
        double expectation = Quadrature.integrate(f, 0, 1, 1e-13) / lbeta;
        double expected = MODELS.get(0).probabilityAlive(x, 20, age) * expectation;
        assertThat(MODELS.get(0).probabilityAlive(x, 20, age, ahead)).isCloseTo(expected, within(1e-8));
    }

    @Test
    @DisplayName("P(alive) is 1 for a BG/NBD customer who never returned and lower for a lapsed frequent buyer")
    void aliveOrdering() {
        PurchaseModel bg = MODELS.get(0);
        assertThat(bg.probabilityAlive(0, 0, 38)).isEqualTo(1.0);
        assertThat(bg.probabilityAlive(10, 5, 38)).isLessThan(bg.probabilityAlive(10, 37, 38));
        assertThat(MODELS.get(2).probabilityAlive(0, 0, 38)).isLessThan(1.0);
    }

    @Test
    @DisplayName("CLV without discounting is spend times the expected purchases over the horizon; discounting lowers it")
    void lifetimeValue() {
        PurchaseModel bg = MODELS.get(0);
        GammaGammaModel spend = GammaGammaModel.of(6.249, 3.745, 15.448);
        double perPurchase = spend.conditionalExpectedSpend(2, 22.35);
        double w = 6.249 * 2 / (6.249 * 2 + 3.745 - 1);
        assertThat(perPurchase).isCloseTo((1 - w) * 6.249 * 15.448 / 2.745 + w * 22.35, within(1e-12));
        LifetimeValue flat = LifetimeValue.custom().months(12).monthlyDiscountRate(0).build();
        double expected = perPurchase * bg.conditionalExpectedPurchases(12 * 4.345, 2, 30.43, 38.86);
        assertThat(flat.value(bg, perPurchase, 2, 30.43, 38.86)).isCloseTo(expected, within(1e-9));
        double discounted = LifetimeValue.ofDefaults().value(bg, perPurchase, 2, 30.43, 38.86);
        assertThat(discounted).isLessThan(expected).isGreaterThan(expected / Math.pow(1.01, 12));
        CustomerSummaries data = CustomerSummaries.ofArrays(PeriodUnit.WEEKS, null, new double[] {2, 0},
                new double[] {30.43, 0}, new double[] {38.86, 38.86}, new double[] {22.35, 0});
        double[] all = LifetimeValue.ofDefaults().compute(bg, spend, data);
        assertThat(all[0]).isCloseTo(discounted, within(1e-9));
        assertThat(all[1]).isPositive().isLessThan(all[0]);
    }
}

package io.crmkit.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Simulates populations from known parameters (seeded) and checks that each fit recovers them
 * within three of its own standard errors — which also checks that the standard errors are the
 * right size (too small and the test fails).
 */
class RecoveryTest {

    private static void assertRecovered(Map<String, Double> truth, Map<String, Double> fitted, FitSummary s) {
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            double se = s.standardError(e.getKey());
            assertThat(se).as("se(%s)", e.getKey()).isPositive().isLessThan(e.getValue());
            assertThat(Math.abs(fitted.get(e.getKey()) - e.getValue())).as("|%s - truth| in se", e.getKey())
                    .isLessThan(3 * se);
        }
    }

    @Test
    @DisplayName("BG/NBD: a 30,000-customer population from r=0.4, alpha=6, a=0.8, b=3 is recovered within 3 se")
    void bgNbd() {
        BgNbdModel truth = BgNbdModel.of(0.4, 6, 0.8, 3, PeriodUnit.WEEKS);
        CustomerSummaries data = SyntheticPopulation.draw(truth, 30_000, 26, 52, 1.0 / 7, 101);
        assertThat(data.distinctHistories()).isLessThan(data.size());
        BgNbdModel fit = BgNbdModel.fit(data);
        assertRecovered(truth.parameters(), fit.parameters(), fit.fitSummary().orElseThrow());
        assertThat(fit.fitSummary().orElseThrow().logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(data));
    }

    @Test
    @DisplayName("BG/NBD over 300,000 customers (starts explored on a subsample, polished on all) is recovered within 3 se")
    void bgNbdLargePopulation() {
        BgNbdModel truth = BgNbdModel.of(0.25, 4.4, 0.8, 2.4, PeriodUnit.WEEKS);
        // continuous times: at this size rounding purchase times to days biases alpha by more than 3 se
        CustomerSummaries data = SyntheticPopulation.draw(truth, 300_000, 26, 52, 1e-6, 111);
        BgNbdModel fit = BgNbdModel.fit(data);
        FitSummary s = fit.fitSummary().orElseThrow();
        assertRecovered(truth.parameters(), fit.parameters(), s);
        assertThat(s.gradientNorm()).isLessThan(1e-9);
        assertThat(s.logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(data));
    }

    @Test
    @DisplayName("MBG/NBD: a 30,000-customer population from r=0.5, alpha=4, a=1.2, b=4 is recovered within 3 se")
    void mbgNbd() {
        MbgNbdModel truth = MbgNbdModel.of(0.5, 4, 1.2, 4, PeriodUnit.WEEKS);
        CustomerSummaries data = SyntheticPopulation.draw(truth, 30_000, 26, 52, 1.0 / 7, 202);
        MbgNbdModel fit = MbgNbdModel.fit(data);
        assertRecovered(truth.parameters(), fit.parameters(), fit.fitSummary().orElseThrow());
    }

    @Test
    @DisplayName("Pareto/NBD: a 10,000-customer population from r=0.6, alpha=8, s=0.7, beta=12 is recovered within 3 se")
    void paretoNbd() {
        ParetoNbdModel truth = ParetoNbdModel.of(0.6, 8, 0.7, 12, PeriodUnit.WEEKS);
        CustomerSummaries data = SyntheticPopulation.draw(truth, 10_000, 26, 52, 1.0 / 7, 303);
        ParetoNbdModel fit = ParetoNbdModel.fit(data);
        assertRecovered(truth.parameters(), fit.parameters(), fit.fitSummary().orElseThrow());
    }

    @Test
    @DisplayName("Gamma-Gamma: spend drawn from p=6, q=4, v=15 over 8,000 repeat buyers is recovered within 3 se")
    void gammaGamma() {
        BgNbdModel buying = BgNbdModel.of(1.5, 4, 0.3, 6, PeriodUnit.WEEKS);
        CustomerSummaries data = SyntheticPopulation.withSpend(
                SyntheticPopulation.draw(buying, 10_000, 26, 52, 1.0 / 7, 404), GammaGammaModel.of(6, 4, 15), 405);
        GammaGammaModel fit = GammaGammaModel.fit(data);
        assertThat(fit.fitSummary().orElseThrow().customers()).isGreaterThan(8_000);
        assertRecovered(GammaGammaModel.of(6, 4, 15).parameters(), fit.parameters(), fit.fitSummary().orElseThrow());
    }
}

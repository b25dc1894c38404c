package io.crmkit.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published maximum-likelihood results on the CDNOW sample (Fader, Hardie and
 * Lee 2005; the values the lifetimes and BTYD packages print). Runs only where the data folder
 * exists (system property {@code crmkit.datasets}, or a {@code shared/datasets} folder in a parent
 * of the working directory) and says so when it skips; the data is never copied into the project.
 */
class CdnowClvTest {

    private static Path dir;
    private static CustomerSummaries weeks;

    @BeforeAll
    static void load() throws IOException {
        dir = CdnowData.locate();
        Assumptions.assumeTrue(dir != null,
                "CDNOW data not found (set -Dcrmkit.datasets=...): CDNOW CLV validation skipped");
        weeks = CdnowData.summary(dir);
    }

    /** Relative tolerance of the published four-significant-digit parameters. */
    private static final double REL = 0.1; // percent, = 1e-3 relative

    @Test
    @DisplayName("BG/NBD fit reproduces r, alpha, a, b and the log-likelihood published for CDNOW")
    void bgNbd() {
        BgNbdModel m = BgNbdModel.fit(weeks);
        assertThat(m.r()).isCloseTo(0.2426, withinPercentage(REL));
        assertThat(m.alpha()).isCloseTo(4.4135, withinPercentage(REL));
        assertThat(m.a()).isCloseTo(0.7929, withinPercentage(REL));
        assertThat(m.b()).isCloseTo(2.4258, withinPercentage(REL));
        FitSummary s = m.fitSummary().orElseThrow();
        assertThat(s.logLikelihood()).isCloseTo(-9582.43, within(0.01));
        assertThat(s.customers()).isEqualTo(2357);
        assertThat(s.distinctHistories()).isLessThan(2357);
        assertThat(m.logLikelihood(weeks)).isCloseTo(s.logLikelihood(), within(1e-6));
        // standard errors against an independent route: second differences of the log-likelihood
        // values in natural parameters, inverted by Gauss-Jordan
        double[] p = {m.r(), m.alpha(), m.a(), m.b()};
        double[][] info = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double hi = 1e-4 * p[i];
                double hj = 1e-4 * p[j];
                info[i][j] = -(ll(p, i, hi, j, hj) - ll(p, i, hi, j, -hj) - ll(p, i, -hi, j, hj)
                        + ll(p, i, -hi, j, -hj)) / (4 * hi * hj);
            }
        }
        double[][] cov = invert(info);
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < 4; i++) {
            assertThat(s.standardError(names[i])).as("se(%s)", names[i])
                    .isCloseTo(Math.sqrt(cov[i][i]), withinPercentage(1));
        }
    }

    private static double ll(double[] p, int i, double hi, int j, double hj) {
        double[] q = p.clone();
        q[i] += hi;
        q[j] += hj;
        return BgNbdModel.of(q[0], q[1], q[2], q[3], PeriodUnit.WEEKS).logLikelihood(weeks);
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double d = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    @Test
    @DisplayName("BG/NBD expects 1.2259 purchases in 39 weeks from the customer with x=2, t_x=30.43, T=38.86")
    void bgNbdConditionalExpectation() {
        BgNbdModel published = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258, PeriodUnit.WEEKS);
        assertThat(published.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.2259, within(5e-4));
        BgNbdModel fitted = BgNbdModel.fit(weeks);
        assertThat(fitted.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.2259, within(5e-4));
    }

    @Test
    @DisplayName("Pareto/NBD fit reproduces r, alpha, s, beta and the log-likelihood published for CDNOW")
    void paretoNbd() {
        ParetoNbdModel m = ParetoNbdModel.fit(weeks);
        assertThat(m.r()).isCloseTo(0.5533, withinPercentage(REL));
        assertThat(m.alpha()).isCloseTo(10.5776, withinPercentage(REL));
        assertThat(m.s()).isCloseTo(0.6062, withinPercentage(REL));
        assertThat(m.beta()).isCloseTo(11.6679, withinPercentage(REL));
        assertThat(m.fitSummary().orElseThrow().logLikelihood()).isCloseTo(-9594.97, within(0.01));
    }

    @Test
    @DisplayName("Gamma-Gamma fit on the 946 repeat buyers reproduces p, q, v from every start, ridge starts included")
    void gammaGamma() {
        GammaGammaModel m = GammaGammaModel.fit(weeks);
        assertThat(m.fitSummary().orElseThrow().customers()).isEqualTo(946);
        assertThat(m.p()).isCloseTo(6.249, withinPercentage(REL));
        assertThat(m.q()).isCloseTo(3.745, withinPercentage(REL));
        assertThat(m.v()).isCloseTo(15.448, withinPercentage(REL));
        // a start on the ridge (large p, tiny v) alone still ends at the maximum, never on the ridge
        GammaGammaModel fromRidge = GammaGammaModel.fit(weeks,
                FitOptions.custom().initialGuess(5000, 3, 0.01).starts(20).build());
        assertThat(fromRidge.p()).isCloseTo(6.249, withinPercentage(REL));
        assertThat(fromRidge.fitSummary().orElseThrow().logLikelihood())
                .isCloseTo(m.fitSummary().orElseThrow().logLikelihood(), within(1e-6));
    }

    @Test
    @DisplayName("MBG/NBD fits CDNOW with a likelihood close to the BG/NBD's and P(alive) < 1 for one-time buyers")
    void mbgNbd() {
        MbgNbdModel m = MbgNbdModel.fit(weeks);
        double ll = m.fitSummary().orElseThrow().logLikelihood();
        assertThat(ll).isBetween(-9600.0, -9550.0);
        assertThat(m.probabilityAlive(0, 0, 38.86)).isLessThan(1.0).isGreaterThan(0.0);
    }

    @Test
    @DisplayName("the summary built from the raw CDNOW purchases by PurchaseHistory matches the published one")
    void historyBuilderMatchesPublishedSummary() throws IOException {
        PurchaseHistory h = PurchaseHistory.builder(PeriodUnit.WEEKS);
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        for (String line : Files.readAllLines(dir.resolve("cdnow_sample.txt"))) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 5) {
                h.add(p[1], LocalDate.parse(p[2], ymd), Double.parseDouble(p[4]));
            }
        }
        CustomerSummaries built = h.summarize(LocalDate.of(1997, 9, 30));
        assertThat(built.size()).isEqualTo(2357);
        BgNbdModel m = BgNbdModel.fit(built);
        assertThat(m.fitSummary().orElseThrow().logLikelihood()).isCloseTo(-9582.43, within(0.5));
        CalibrationHoldout split = h.split(LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30));
        assertThat(split.calibration().size()).isEqualTo(2357);
        HoldoutDiagnostics d = HoldoutDiagnostics.of(m, split, 7);
        // the classic figure: 1,882 repeat purchase days in the 39-week holdout; the conditional
        // expectations sum to 1,653.42 at the published parameters (checked with scipy's hyp2f1)
        assertThat(d.totalActual()).isEqualTo(1882.0);
        assertThat(d.totalPredicted()).isCloseTo(1653.4, within(0.5));
        double sum = 0;
        for (HoldoutDiagnostics.Bucket b : d.buckets()) {
            sum += b.actualTotal();
        }
        assertThat(sum).isEqualTo(d.totalActual());
        for (int k = 1; k < 4; k++) {
            assertThat(d.buckets().get(k).predictedMean()).isGreaterThan(d.buckets().get(k - 1).predictedMean());
            assertThat(d.buckets().get(k).actualMean()).isGreaterThan(d.buckets().get(k - 1).actualMean());
        }
        assertThat(d.buckets().get(0).customers()).isEqualTo(1411);
    }
}

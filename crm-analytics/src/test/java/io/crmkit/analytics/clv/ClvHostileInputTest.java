package io.crmkit.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ClvHostileInputTest {

    private static ValidationException invalid(Executable call) {
        Throwable t = catchThrowable(call::execute);
        assertThat(t).isInstanceOf(ValidationException.class);
        return (ValidationException) t;
    }

    private static CustomerSummaries arrays(double[] x, double[] tx, double[] t) {
        return CustomerSummaries.ofArrays(PeriodUnit.WEEKS, x, tx, t);
    }

    @Test
    @DisplayName("array input: NaN, infinities, negatives, fractional x, t_x > T and x=0 with t_x>0 are named by column and row")
    void rejectsBadRows() {
        ValidationException e = invalid(() -> arrays(new double[] {1, Double.NaN, -1, 1.5, 2, 0, 1},
                new double[] {1, 0, 0, 0, 9, 3, Double.POSITIVE_INFINITY}, new double[] {5, 5, 5, 5, 8, 5, 5}));
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("x[1]", "x[2]", "x[3]", "tx[4]", "tx[5]", "tx[6]");
        assertThat(e.violations()).extracting(Violation::rule)
                .containsExactly("NonNegativeInteger", "NonNegativeInteger", "NonNegativeInteger", "Range",
                        "ZeroWithoutRepeat", "Range");
        assertThat(invalid(() -> arrays(new double[] {1}, new double[] {1}, new double[] {Double.NaN}))
                .hasViolationOn("T[0]")).isTrue();
        assertThat(invalid(() -> arrays(new double[] {1}, new double[] {-0.5}, new double[] {3}))
                .hasViolationOn("tx[0]")).isTrue();
        assertThat(invalid(() -> arrays(new double[] {1e12}, new double[] {1}, new double[] {3}))
                .hasViolationOn("x[0]")).isTrue();
    }

    @Test
    @DisplayName("empty, null and mismatched arrays are refused with the field named; messages never quote values")
    void rejectsShapes() {
        assertThat(invalid(() -> arrays(new double[0], new double[0], new double[0])).hasViolationOn("x")).isTrue();
        assertThat(invalid(() -> arrays(new double[2], new double[1], new double[2])).hasViolationOn("tx")).isTrue();
        assertThat(invalid(() -> arrays(null, new double[1], new double[1])).hasViolationOn("x")).isTrue();
        assertThat(invalid(() -> CustomerSummaries.of(PeriodUnit.DAYS, List.of())).hasViolationOn("rows")).isTrue();
        assertThat(invalid(() -> CustomerSummaries.ofArrays(PeriodUnit.DAYS, new String[] {"a\u0000"},
                new double[] {0}, new double[] {0}, new double[] {1}, new double[] {-3})).violations())
                .extracting(Violation::field).containsExactly("monetary[0]", "ids[0]");
        ValidationException e = invalid(() -> arrays(new double[] {123456.789}, new double[] {0}, new double[] {1}));
        assertThat(e.getMessage()).doesNotContain("123456");
    }

    @Test
    @DisplayName("a flood of bad rows reports at most 20 violations, not one per row")
    void boundsViolationList() {
        double[] nan = new double[100_000];
        java.util.Arrays.fill(nan, Double.NaN);
        assertThat(invalid(() -> arrays(nan, new double[100_000], new double[100_000])).violations()).hasSize(20);
    }

    @Test
    @DisplayName("records, predictions, options and CLV settings check their arguments and name the field")
    void rejectsBadArguments() {
        assertThat(invalid(() -> RfmSummary.of("c1", -1, 0, 1)).hasViolationOn("frequency")).isTrue();
        assertThat(invalid(() -> RfmSummary.of("c1", 1, 5, 1)).hasViolationOn("recency")).isTrue();
        assertThat(invalid(() -> RfmSummary.of("c1", 1, 0, Double.NaN)).hasViolationOn("age")).isTrue();
        assertThat(invalid(() -> RfmSummary.of("c1", 1, 0, 1, Double.NaN)).hasViolationOn("monetary")).isTrue();
        assertThat(invalid(() -> RfmSummary.of(" ", 1, 0, 1)).hasViolationOn("id")).isTrue();
        BgNbdModel m = BgNbdModel.of(0.24, 4.4, 0.79, 2.4, PeriodUnit.WEEKS);
        assertThat(invalid(() -> m.conditionalExpectedPurchases(Double.NaN, 1, 1, 2)).hasViolationOn("t")).isTrue();
        assertThat(invalid(() -> m.conditionalExpectedPurchases(1, 1, 3, 2)).hasViolationOn("recency")).isTrue();
        assertThat(invalid(() -> m.probabilityAlive(-2, 0, 2)).hasViolationOn("frequency")).isTrue();
        assertThat(invalid(() -> m.probabilityAlive(1, 0, 2, -1)).hasViolationOn("ahead")).isTrue();
        assertThat(invalid(() -> m.probabilityOfPurchases(-1, 3)).hasViolationOn("n")).isTrue();
        assertThat(invalid(() -> m.probabilityOfPurchases(1_000_000, 3)).hasViolationOn("n")).isTrue();
        assertThat(invalid(() -> BgNbdModel.of(0, 1, 1, 1, PeriodUnit.DAYS)).hasViolationOn("r")).isTrue();
        assertThat(invalid(() -> ParetoNbdModel.of(1, 1, Double.POSITIVE_INFINITY, 1, PeriodUnit.DAYS))
                .hasViolationOn("s")).isTrue();
        assertThat(invalid(() -> GammaGammaModel.of(1, 1, -1)).hasViolationOn("v")).isTrue();
        assertThat(invalid(() -> GammaGammaModel.of(1, 0.5, 1).expectedSpend()).hasViolationOn("q")).isTrue();
        assertThat(invalid(() -> FitOptions.custom().starts(0)).hasViolationOn("fit.starts")).isTrue();
        assertThat(invalid(() -> FitOptions.custom().initialGuess(1, Double.NaN)).hasViolationOn("fit.initialGuess[1]"))
                .isTrue();
        assertThat(invalid(() -> LifetimeValue.custom().months(0)).hasViolationOn("clv.months")).isTrue();
        assertThat(invalid(() -> LifetimeValue.custom().monthlyDiscountRate(-0.1))
                .hasViolationOn("clv.monthlyDiscountRate")).isTrue();
        CustomerSummaries days = arrays(new double[] {1}, new double[] {1}, new double[] {2});
        assertThat(invalid(() -> ParetoNbdModel.of(1, 1, 1, 1, PeriodUnit.DAYS).conditionalExpectedPurchases(1, days))
                .hasViolationOn("data.unit")).isTrue();
        assertThat(invalid(() -> BgNbdModel.fit(days, FitOptions.custom().initialGuess(1, 2).build()))
                .hasViolationOn("fit.initialGuess")).isTrue();
    }

    @Test
    @DisplayName("Gamma-Gamma needs a spend column, positive spend for repeat buyers and two repeat buyers")
    void gammaGammaInput() {
        CustomerSummaries noSpend = arrays(new double[] {1, 2}, new double[] {1, 1}, new double[] {2, 2});
        assertThat(invalid(() -> GammaGammaModel.fit(noSpend)).hasViolationOn("monetary")).isTrue();
        CustomerSummaries zeroSpend = CustomerSummaries.ofArrays(PeriodUnit.WEEKS, null, new double[] {1, 2},
                new double[] {1, 1}, new double[] {2, 2}, new double[] {10, 0});
        assertThat(invalid(() -> GammaGammaModel.fit(zeroSpend)).hasViolationOn("monetary[1]")).isTrue();
        CustomerSummaries one = CustomerSummaries.ofArrays(PeriodUnit.WEEKS, null, new double[] {1, 0},
                new double[] {1, 0}, new double[] {2, 2}, new double[] {10, 0});
        assertThat(invalid(() -> GammaGammaModel.fit(one)).hasViolationOn("x")).isTrue();
    }

    @Test
    @DisplayName("a population that never came back has no interior maximum: ModelFitException naming the model")
    void nonConvergenceIsALibraryError() {
        CustomerSummaries never = arrays(new double[] {0, 0, 0, 0}, new double[4], new double[] {10, 20, 30, 40});
        assertThatThrownBy(() -> BgNbdModel.fit(never)).isInstanceOf(ModelFitException.class)
                .hasMessageStartingWith("BG/NBD fit did not converge")
                .isInstanceOf(io.crmkit.core.error.CrmException.class);
        // every repeat buyer spends exactly the same: the spend model's likelihood rises without bound
        CustomerSummaries same = CustomerSummaries.ofArrays(PeriodUnit.WEEKS, null, new double[] {1, 2, 3},
                new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {10, 10, 10});
        ModelFitException e = (ModelFitException) catchThrowable(() -> GammaGammaModel.fit(same));
        assertThat(e).isNotNull();
        assertThat(e.model()).isEqualTo("Gamma-Gamma");
    }

    @Test
    @DisplayName("purchase history: bad keys, amounts and ranges are refused; seeded random rows never escape as raw errors")
    void historyAndRandomRows() {
        PurchaseHistory h = PurchaseHistory.builder(PeriodUnit.DAYS);
        assertThat(invalid(() -> h.add("c", LocalDate.of(2020, 1, 1), -5)).hasViolationOn("amount")).isTrue();
        assertThat(invalid(() -> h.add("c", LocalDate.of(2020, 1, 1), Double.NaN)).hasViolationOn("amount")).isTrue();
        assertThat(invalid(() -> h.add(null, LocalDate.of(2020, 1, 1))).hasViolationOn("customerKey")).isTrue();
        assertThat(invalid(() -> h.add("x".repeat(65), LocalDate.of(2020, 1, 1))).hasViolationOn("customerKey"))
                .isTrue();
        assertThat(invalid(() -> h.add("c", null)).hasViolationOn("day")).isTrue();
        assertThat(invalid(() -> h.summarize(LocalDate.of(2020, 1, 1))).hasViolationOn("observationEnd")).isTrue();
        h.add("c", LocalDate.of(2020, 1, 1));
        assertThat(invalid(() -> h.split(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 1)))
                .hasViolationOn("holdoutEnd")).isTrue();
        double[] pool = {0, 1, 2, -1, 0.5, 1e300, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 3, 40, 1e7};
        SplittableRandom rnd = new SplittableRandom(5);
        int accepted = 0;
        for (int round = 0; round < 2000; round++) {
            int n = 1 + rnd.nextInt(4);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = pool[rnd.nextInt(pool.length)];
                tx[i] = pool[rnd.nextInt(pool.length)];
                t[i] = pool[rnd.nextInt(pool.length)];
            }
            Throwable thrown = catchThrowable(() -> {
                CustomerSummaries d = arrays(x, tx, t);
                BgNbdModel.of(0.3, 4, 0.8, 2.5, PeriodUnit.WEEKS).conditionalExpectedPurchases(10, d);
            });
            if (thrown == null) {
                accepted++;
            } else {
                assertThat(thrown).isInstanceOf(ValidationException.class);
            }
        }
        assertThat(accepted).isPositive();
    }
}

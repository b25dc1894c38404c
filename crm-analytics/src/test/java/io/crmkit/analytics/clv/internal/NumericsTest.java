package io.crmkit.analytics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.PeriodUnit;
import io.crmkit.analytics.clv.SyntheticPopulation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumericsTest {

    @Test
    @DisplayName("log-gamma and digamma match reference values (scipy) to 1e-13")
    void gammaFunctions() {
        assertThat(Special.lgamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(Special.lgamma(1e-3)).isCloseTo(6.907178885383853, within(1e-13));
        assertThat(Special.lgamma(100)).isCloseTo(359.1342053695754, within(1e-11));
        assertThat(Special.lgamma(3.7)).isCloseTo(1.428072326665388, within(1e-13));
        assertThat(Special.lgamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Special.digamma(1)).isCloseTo(-0.5772156649015329, within(1e-13));
        assertThat(Special.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-13));
        assertThat(Special.digamma(10)).isCloseTo(2.251752589066721, within(1e-13));
        assertThat(Special.digamma(123.4)).isCloseTo(4.8113737751162775, within(1e-13));
        assertThat(Special.lgamma(-1)).isNaN();
    }

    @Test
    @DisplayName("log 2F1 matches closed forms and scipy, including large parameters and z near 1")
    void hypergeometricValues() {
        for (double z : new double[] {0, 0.1, 0.5, 0.9, 0.99}) {
            double expected = z == 0 ? 0 : Math.log(-Math.log1p(-z) / z);
            assertThat(Hypergeometric.log2F1(1, 1, 2, z)).isCloseTo(expected, within(1e-13));
            assertThat(Hypergeometric.log2F1(2.5, 3, 3, z)).isCloseTo(-2.5 * Math.log1p(-z), within(1e-13));
            double w = Math.sqrt(z);
            double asin = z == 0 ? 0 : Math.log(Math.asin(w) / w);
            assertThat(Hypergeometric.log2F1(0.5, 0.5, 1.5, z)).isCloseTo(asin, within(1e-13));
        }
        assertThat(Hypergeometric.log2F1(50.3, 1.7, 51.3, 0.95)).isCloseTo(4.673128296674947, within(1e-11));
        assertThat(Hypergeometric.log2F1(0.7, 2.4, 3.2, 0.99)).isCloseTo(1.5808813778719595, within(1e-11));
        assertThat(Hypergeometric.log2F1(120.5, 60.25, 121.5, 0.999)).isCloseTo(409.9933333404986, within(1e-9));
        assertThat(Hypergeometric.log2F1(2.2426, 4.4258, 5.2187, 0.5)).isCloseTo(1.2847967820435569, within(1e-12));
        assertThat(Hypergeometric.log2F1(1, 1, 0, 0.5)).isNaN();
        assertThat(Hypergeometric.log2F1(1, 1, 2, 1)).isNaN();
    }

    @Test
    @DisplayName("the c = a + 1 form agrees with the general series, and its gradient with finite differences")
    void hypergeometricAPlusOneGradient() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] g = new double[3];
        for (int i = 0; i < 200; i++) {
            double a = 0.1 + 80 * rnd.nextDouble();
            double b = (a + 1) * (0.02 + 0.96 * rnd.nextDouble());
            double z = 0.97 * rnd.nextDouble();
            double v = Hypergeometric.log2F1APlusOne(a, b, z, g);
            assertThat(v).isCloseTo(Hypergeometric.log2F1(a, b, a + 1, z), within(1e-11 * Math.max(1, Math.abs(v))));
            double h = 1e-6;
            double da = (Hypergeometric.log2F1(a + h, b, a + 1 + h, z) - Hypergeometric.log2F1(a - h, b, a + 1 - h, z))
                    / (2 * h);
            double db = (Hypergeometric.log2F1(a, b + h, a + 1, z) - Hypergeometric.log2F1(a, b - h, a + 1, z)) / (2 * h);
            double hz = Math.min(h, z / 2);
            assertThat(g[0]).isCloseTo(da, within(1e-6 * Math.max(1, Math.abs(da))));
            assertThat(g[1]).isCloseTo(db, within(1e-6 * Math.max(1, Math.abs(db))));
            if (hz > 0) {
                double dz = (Hypergeometric.log2F1(a, b, a + 1, z + hz) - Hypergeometric.log2F1(a, b, a + 1, z - hz))
                        / (2 * hz);
                assertThat(g[2]).isCloseTo(dz, within(1e-5 * Math.max(1, Math.abs(dz))));
            }
        }
    }

    @Test
    @DisplayName("the BG/NBD and MBG/NBD analytic Hessians match central differences of the analytic gradient")
    void likelihoodHessians() {
        SplittableRandom rnd = new SplittableRandom(12);
        int n = 400;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.floor(20 + 20 * rnd.nextDouble());
            x[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(15);
            tx[i] = x[i] == 0 ? 0 : Math.floor(t[i] * rnd.nextDouble());
        }
        Groups groups = Groups.of(x, tx, t);
        for (boolean modified : new boolean[] {false, true}) {
            Objective f = new BgNbdLikelihood(groups, modified);
            for (int trial = 0; trial < 20; trial++) {
                double[] theta = new double[4];
                for (int k = 0; k < 4; k++) {
                    theta[k] = -1.5 + 4 * rnd.nextDouble();
                }
                double[][] h = f.hessian(theta);
                for (int k = 0; k < 4; k++) {
                    double step = 1e-5;
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[k] += step;
                    down[k] -= step;
                    double[] gu = new double[4];
                    double[] gd = new double[4];
                    f.valueAndGradient(up, gu);
                    f.valueAndGradient(down, gd);
                    for (int i = 0; i < 4; i++) {
                        double fd = (gu[i] - gd[i]) / (2 * step);
                        assertThat(h[i][k]).as("modified %s d2/dtheta[%d]dtheta[%d]", modified, i, k)
                                .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
                        assertThat(h[i][k]).isEqualTo(h[k][i]);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("every likelihood's analytic gradient matches central finite differences of its value")
    void likelihoodGradients() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.floor(20 + 20 * rnd.nextDouble());
            x[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(12);
            tx[i] = x[i] == 0 ? 0 : Math.floor(t[i] * rnd.nextDouble());
            m[i] = 5 + 50 * rnd.nextDouble();
        }
        Groups groups = Groups.of(x, tx, t);
        assertThat(groups.totalWeight()).isEqualTo(n);
        int repeat = 0;
        for (int xi : x) {
            repeat += xi > 0 ? 1 : 0;
        }
        int[] gx = new int[repeat];
        double[] gm = new double[repeat];
        for (int i = 0, j = 0; i < n; i++) {
            if (x[i] > 0) {
                gx[j] = x[i];
                gm[j++] = m[i];
            }
        }
        Objective[] objectives = {new BgNbdLikelihood(groups, false), new BgNbdLikelihood(groups, true),
            new ParetoNbdLikelihood(groups), GammaGammaLikelihood.grouped(gx, gm)};
        for (Objective f : objectives) {
            for (int trial = 0; trial < 20; trial++) {
                double[] theta = new double[f.dimension()];
                for (int k = 0; k < theta.length; k++) {
                    theta[k] = -1.5 + 4 * rnd.nextDouble();
                }
                double[] grad = new double[theta.length];
                f.valueAndGradient(theta, grad);
                for (int k = 0; k < theta.length; k++) {
                    double h = 1e-6;
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[k] += h;
                    down[k] -= h;
                    double fd = (f.value(up) - f.value(down)) / (2 * h);
                    assertThat(grad[k]).as("%s d/dtheta[%d]", f.getClass().getSimpleName(), k)
                            .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    @DisplayName("the BG/NBD likelihood equals the paper's formula per customer, by recurrence (small x) and by lgamma (huge x)")
    void bgNbdMatchesFormula() {
        double r = 0.3;
        double alpha = 5;
        double a = 0.8;
        double b = 2.5;
        for (int big : new int[] {40, 20_000}) {
            int[] x = {0, 1, 7, big};
            double[] tx = {0, 3, 20, 30};
            double[] t = {10, 30, 35, 40};
            double expected = 0;
            for (int i = 0; i < x.length; i++) {
                double a1 = Special.lgamma(r + x[i]) - Special.lgamma(r) + r * Math.log(alpha);
                double a2 = Special.lgamma(a + b) + Special.lgamma(b + x[i]) - Special.lgamma(b)
                        - Special.lgamma(a + b + x[i]);
                double a3 = -(r + x[i]) * Math.log(alpha + t[i]);
                double a4 = Math.log(a) - Math.log(b + x[i] - 1) - (r + x[i]) * Math.log(alpha + tx[i]);
                expected += a1 + a2 + (x[i] > 0 ? Special.logAddExp(a3, a4) : a3);
            }
            double ll = new BgNbdLikelihood(Groups.of(x, tx, t), false).logLikelihood(r, alpha, a, b, new double[4]);
            assertThat(ll).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    @DisplayName("grouping keeps one group per distinct (x, t_x, T) with the customer counts as weights")
    void grouping() {
        Groups g = Groups.of(new int[] {0, 0, 1, 1, 1, 2}, new double[] {0, -0.0, 3, 3, 4, 4},
                new double[] {10, 10, 10, 10, 10, 10});
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.totalWeight()).isEqualTo(6);
        double[] w = g.weight.clone();
        java.util.Arrays.sort(w);
        assertThat(w).containsExactly(1, 1, 2, 2);
    }

    @Test
    @DisplayName("BFGS finds the minimum of the Rosenbrock function; Nelder-Mead gets close")
    void optimisers() {
        Objective rosen = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double totalWeight() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                g[0] = -2 * a - 400 * p[0] * b;
                g[1] = 200 * b;
                return a * a + 100 * b * b;
            }
        };
        Bfgs.Result r = Bfgs.minimize(rosen, new double[] {-1.2, 1}, 1e-10, 1000);
        assertThat(r.converged()).isTrue();
        assertThat(r.theta()[0]).isCloseTo(1, within(1e-8));
        assertThat(r.theta()[1]).isCloseTo(1, within(1e-8));
        double[] nm = NelderMead.minimize(rosen, new double[] {-1.2, 1}, 0.5, 5000);
        assertThat(nm[0]).isCloseTo(1, within(1e-4));
    }

    @Test
    @DisplayName("Newton's method with the analytic Hessian finds the Rosenbrock minimum through its indefinite region")
    void newtonRosenbrock() {
        Objective rosen = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double totalWeight() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                return valueGradientHessian(p, g, null);
            }

            @Override
            public boolean hasHessian() {
                return true;
            }

            @Override
            public double valueGradientHessian(double[] p, double[] g, double[][] h) {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                g[0] = -2 * a - 400 * p[0] * b;
                g[1] = 200 * b;
                if (h != null) {
                    h[0][0] = 2 - 400 * b + 800 * p[0] * p[0];
                    h[0][1] = -400 * p[0];
                    h[1][0] = -400 * p[0];
                    h[1][1] = 200;
                }
                return a * a + 100 * b * b;
            }
        };
        // (0, 1) has an indefinite Hessian (h00 = -398): the shifted factorisation must still descend
        for (double[] start : new double[][] {{-1.2, 1}, {0, 1}, {2.5, -1}}) {
            Bfgs.Result r = Newton.minimize(rosen, start, 1e-10, 200);
            assertThat(r.converged()).as("from %s", java.util.Arrays.toString(start)).isTrue();
            assertThat(r.theta()[0]).isCloseTo(1, within(1e-8));
            assertThat(r.theta()[1]).isCloseTo(1, within(1e-8));
            assertThat(r.hessian()[1][1]).isEqualTo(200);
            assertThat(r.iterations()).isLessThan(60);
        }
    }

    @Test
    @DisplayName("Newton's method and BFGS reach the same BG/NBD and MBG/NBD optimum; Newton's Hessian is the objective's")
    void newtonMatchesBfgs() {
        int n = 3000;
        CustomerSummaries s = SyntheticPopulation.draw(BgNbdModel.of(0.3, 5, 0.8, 2.5, PeriodUnit.WEEKS), n, 26, 52,
                1.0 / 7, 13);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.frequency(i);
            tx[i] = s.recency(i);
            t[i] = s.age(i);
        }
        Groups groups = Groups.of(x, tx, t);
        for (boolean modified : new boolean[] {false, true}) {
            Objective f = new BgNbdLikelihood(groups, modified);
            double[] start = {Math.log(0.5), Math.log(6), 0, Math.log(3)};
            Bfgs.Result newton = Newton.minimize(f, start, 1e-9, 100);
            Bfgs.Result bfgs = Bfgs.minimize(f, start, 1e-9, 1000);
            assertThat(newton.converged()).isTrue();
            assertThat(bfgs.converged()).isTrue();
            assertThat(newton.evaluations()).isLessThan(bfgs.evaluations());
            assertThat(newton.value()).isCloseTo(bfgs.value(), within(1e-12));
            for (int k = 0; k < 4; k++) {
                assertThat(newton.theta()[k]).isCloseTo(bfgs.theta()[k], within(1e-5));
            }
            double[][] h = f.hessian(newton.theta());
            for (int i = 0; i < 4; i++) {
                assertThat(newton.hessian()[i]).containsExactly(h[i], within(1e-15));
            }
        }
    }

    @Test
    @DisplayName("grouping whole-number and fractional times alike: every distinct (x, t_x, T) once, weights summing up")
    void groupingWholeNumbers() {
        SplittableRandom rnd = new SplittableRandom(14);
        int n = 20_000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            // whole weeks (bit patterns ending in zeros) for half the rows, days for the rest
            t[i] = i % 2 == 0 ? 26 + rnd.nextInt(400) : (182 + rnd.nextInt(2000)) / 7.0;
            x[i] = rnd.nextInt(20);
            tx[i] = x[i] == 0 ? 0 : Math.floor(t[i] * rnd.nextDouble());
            expected.merge(x[i] + "/" + tx[i] + "/" + t[i], 1, Integer::sum);
        }
        Groups g = Groups.of(x, tx, t);
        assertThat(g.size()).isEqualTo(expected.size());
        for (int k = 0; k < g.size(); k++) {
            String key = g.x[k] + "/" + g.txValues[g.txIndex[k]] + "/" + g.tValues[g.tIndex[k]];
            assertThat(g.weight[k]).as(key).isEqualTo((double) expected.get(key));
        }
    }
}

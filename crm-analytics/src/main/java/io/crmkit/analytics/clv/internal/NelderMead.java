package io.crmkit.analytics.clv.internal;

import java.util.Arrays;

/**
 * Derivative-free fallback (Nelder-Mead with the standard coefficients and a shrink step) for
 * the rare start where the quasi-Newton line search cannot make progress, for example when the
 * start sits where the likelihood is not finite. Its result is handed back to BFGS to polish.
 *
 * <p>Not part of the public API. Stateless.
 */
public final class NelderMead {

    private NelderMead() {
    }

    /** Minimises {@code f} from {@code start} with an initial simplex of the given size. */
    public static double[] minimize(Objective f, double[] start, double size, int maxEvaluations) {
        int n = start.length;
        double[][] pts = new double[n + 1][];
        double[] val = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            pts[i] = start.clone();
            if (i > 0) {
                pts[i][i - 1] += size;
            }
            val[i] = safe(f.value(pts[i]));
        }
        int evals = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evals < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            final double[] v = val;
            Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
            int best = order[0];
            int worst = order[n];
            int second = order[n - 1];
            if (Math.abs(val[worst] - val[best]) <= 1e-14 * (1 + Math.abs(val[best])) && spread(pts) < 1e-10) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i <= n; i++) {
                if (i != worst) {
                    for (int j = 0; j < n; j++) {
                        centroid[j] += pts[i][j] / n;
                    }
                }
            }
            double[] reflected = along(centroid, pts[worst], -1);
            double fr = safe(f.value(reflected));
            evals++;
            if (fr < val[best]) {
                double[] expanded = along(centroid, pts[worst], -2);
                double fe = safe(f.value(expanded));
                evals++;
                if (fe < fr) {
                    pts[worst] = expanded;
                    val[worst] = fe;
                } else {
                    pts[worst] = reflected;
                    val[worst] = fr;
                }
            } else if (fr < val[second]) {
                pts[worst] = reflected;
                val[worst] = fr;
            } else {
                double[] contracted = along(centroid, pts[worst], fr < val[worst] ? -0.5 : 0.5);
                double fc = safe(f.value(contracted));
                evals++;
                if (fc < Math.min(fr, val[worst])) {
                    pts[worst] = contracted;
                    val[worst] = fc;
                } else {
                    for (int i = 0; i <= n; i++) {
                        if (i != best) {
                            pts[i] = along(pts[best], pts[i], 0.5);
                            val[i] = safe(f.value(pts[i]));
                            evals++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (val[i] < val[best]) {
                best = i;
            }
        }
        return pts[best];
    }

    /** centroid + t (point - centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return out;
    }

    private static double spread(double[][] pts) {
        double m = 0;
        for (int i = 1; i < pts.length; i++) {
            for (int j = 0; j < pts[0].length; j++) {
                m = Math.max(m, Math.abs(pts[i][j] - pts[0][j]));
            }
        }
        return m;
    }

    private static double safe(double v) {
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
}

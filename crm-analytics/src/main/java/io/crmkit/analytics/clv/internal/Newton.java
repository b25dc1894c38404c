package io.crmkit.analytics.clv.internal;

/**
 * Newton's method for objectives with analytic second derivatives ({@link Objective#hasHessian()}):
 * each iteration solves (H + tau I) p = -g, with tau = 0 when the Hessian is positive definite
 * and otherwise the smallest of a doubling sequence that makes it so (Nocedal and Wright,
 * algorithm 3.3), caps the step at a factor of e^4 per parameter, and backtracks by safeguarded
 * quadratic interpolation until the value decreases sufficiently. One pass over the data gives
 * the value, the gradient and the Hessian of each trial point, so an accepted step has the next
 * Hessian already. Near the optimum it converges quadratically: a handful of passes where BFGS
 * needs twenty-odd.
 *
 * <p>Not part of the public API. Stateless; each call works on its own arrays.
 */
public final class Newton {

    private static final double C1 = 1e-4;
    /** Longest step in log-parameter space: a factor of e^4 on a parameter per iteration. */
    private static final double MAX_STEP = 4;
    /** Relative rounding allowed in the sufficient-decrease test. */
    private static final double ROUNDING = 1e-14;
    private static final int BACKTRACKS = 40;

    private Newton() {
    }

    /**
     * Minimises {@code f} from {@code start} until the largest gradient component is below
     * {@code gradientTolerance} (converged) or {@code maxIterations} pass or no step lowers the value
     * any more (not converged, unless the gradient is within 100 times the tolerance). The result
     * carries the objective's Hessian at its point.
     *
     * @throws IllegalArgumentException when {@code f} has no analytic Hessian
     */
    public static Bfgs.Result minimize(Objective f, double[] start, double gradientTolerance, int maxIterations) {
        if (!f.hasHessian()) {
            throw new IllegalArgumentException("Newton's method needs the objective's second derivatives");
        }
        int n = f.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        double[][] h = new double[n][n];
        int evaluations = 1;
        double fx = f.valueGradientHessian(x, g, h);
        if (!finite(fx, g, h)) {
            return new Bfgs.Result(x, fx, Double.NaN, 0, evaluations, false, null, null);
        }
        double[] p = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[][] hNew = new double[n][n];
        for (int iter = 0; iter < maxIterations; iter++) {
            double gnorm = Bfgs.normInf(g);
            if (gnorm < gradientTolerance) {
                return new Bfgs.Result(x, fx, gnorm, iter, evaluations, true, null, h);
            }
            direction(h, g, p);
            double a = Math.min(1, MAX_STEP / Bfgs.normInf(p));
            double slope = Bfgs.dot(g, p);
            double allowed = ROUNDING * Math.abs(fx);
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < BACKTRACKS && !accepted; k++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + a * p[i];
                }
                evaluations++;
                fNew = f.valueGradientHessian(xNew, gNew, hNew);
                boolean ok = finite(fNew, gNew, hNew);
                // near the optimum the decrease falls below the rounding of f: there a point within
                // 100 roundings with a smaller gradient is progress too
                accepted = ok && (fNew <= fx + C1 * a * slope + allowed
                        || (fNew <= fx + 100 * allowed && Bfgs.normInf(gNew) < gnorm));
                if (!accepted) {
                    double denom = 2 * (fNew - fx - slope * a);
                    double q = ok && denom > 0 ? -slope * a * a / denom : 0.5 * a;
                    a = Math.min(Math.max(q, 0.1 * a), 0.5 * a);
                }
            }
            if (!accepted) {
                return new Bfgs.Result(x, fx, gnorm, iter, evaluations, gnorm < 100 * gradientTolerance, null, h);
            }
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            double[][] m = h;
            h = hNew;
            hNew = m;
            fx = fNew;
        }
        double gnorm = Bfgs.normInf(g);
        return new Bfgs.Result(x, fx, gnorm, maxIterations, evaluations, gnorm < gradientTolerance, null, h);
    }

    /**
     * Writes the descent direction p = -(H + tau I)^-1 g, tau the first of 0 (when the diagonal is
     * positive), beta, 2 beta, ... for which the Cholesky factorisation succeeds; beta is 1e-3 of
     * the largest diagonal entry. Steepest descent if none does.
     */
    static void direction(double[][] h, double[] g, double[] p) {
        int n = g.length;
        double maxDiag = 0;
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(h[i][i]));
            minDiag = Math.min(minDiag, h[i][i]);
        }
        double beta = 1e-3 * (maxDiag > 0 ? maxDiag : 1);
        double tau = minDiag > 0 ? 0 : beta - minDiag;
        double[][] l = new double[n][n];
        for (int attempt = 0; attempt < 64; attempt++) {
            if (choleskySolve(h, tau, g, l, p)) {
                return;
            }
            tau = Math.max(2 * tau, beta);
        }
        for (int i = 0; i < n; i++) {
            p[i] = -g[i];
        }
    }

    /** Solves (h + tau I) p = -g by Cholesky into l; false when a pivot is not clearly positive. */
    private static boolean choleskySolve(double[][] h, double tau, double[] g, double[][] l, double[] p) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = h[i][j] + (i == j ? tau : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-12 * (Math.abs(h[i][i]) + tau))) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = -g[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * p[k];
            }
            p[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = p[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * p[k];
            }
            p[i] = sum / l[i][i];
        }
        return true;
    }

    private static boolean finite(double v, double[] g, double[][] h) {
        if (!Double.isFinite(v) || !Bfgs.allFinite(g)) {
            return false;
        }
        for (double[] row : h) {
            if (!Bfgs.allFinite(row)) {
                return false;
            }
        }
        return true;
    }
}

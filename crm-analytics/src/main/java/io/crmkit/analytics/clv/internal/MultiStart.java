package io.crmkit.analytics.clv.internal;

import java.util.List;

/**
 * The maximum-likelihood driver shared by every model: BFGS in log-parameter space from several
 * starting points, a Nelder-Mead fallback (then BFGS again to polish) for a start BFGS cannot
 * finish, and the best converged optimum by likelihood. Starts whose optimum runs off to the edge
 * of the parameter space (|log parameter| > {@value #EDGE}: a ridge such as the Gamma-Gamma's
 * p to infinity, v to 0) never count as the answer. The search stops early once two starts agree.
 * Standard errors come from a central-difference Hessian of the analytic gradient.
 *
 * <p>Not part of the public API. Stateless.
 */
public final class MultiStart {

    /** Largest |log parameter| accepted as an interior optimum (e^20 is about 5e8). */
    static final double EDGE = 20;

    private MultiStart() {
    }

    /**
     * The outcome: {@code converged} false when no start reached an interior optimum, and then
     * {@code theta} is the best point seen.
     */
    public record Outcome(boolean converged, double[] theta, double logLikelihood, double[] standardErrors,
            int startsTried, int iterations, int evaluations, boolean fallbackUsed, double gradientNorm,
            boolean ridge) {
    }

    public static Outcome fit(Objective f, double totalWeight, List<double[]> starts, int maxIterations,
            double gradientTolerance, boolean fallback) {
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        double bestGradient = Double.NaN;
        double[] bestSe = null;
        double[] seen = null;
        double seenValue = Double.POSITIVE_INFINITY;
        int iterations = 0;
        int evaluations = 0;
        int tried = 0;
        boolean usedFallback = false;
        boolean ridge = false;
        for (double[] start : starts) {
            tried++;
            Bfgs.Result r = Bfgs.minimize(f, start, gradientTolerance, maxIterations);
            iterations += r.iterations();
            evaluations += r.evaluations();
            if (!r.converged() && fallback) {
                usedFallback = true;
                double[] nm = NelderMead.minimize(f, Double.isFinite(r.value()) ? r.theta() : start, 0.5, 4000);
                Bfgs.Result polished = Bfgs.minimize(f, nm, gradientTolerance, maxIterations);
                iterations += polished.iterations();
                evaluations += polished.evaluations() + 4000;
                if (polished.converged() || polished.value() < r.value() || !Double.isFinite(r.value())) {
                    r = polished;
                }
            }
            if (Double.isFinite(r.value()) && r.value() < seenValue) {
                seen = r.theta();
                seenValue = r.value();
            }
            if (!r.converged()) {
                continue;
            }
            if (atEdge(r.theta())) {
                ridge = true;
                continue;
            }
            if (best != null && Math.abs(r.value() - bestValue) <= 1e-10 * (1 + Math.abs(bestValue))
                    && close(r.theta(), best)) {
                break; // two starts found the same optimum: more starts would only confirm it
            }
            if (r.value() < bestValue) {
                double[] se = standardErrors(f, r.theta(), totalWeight);
                if (se == null) {
                    ridge = true; // flat in some direction: a ridge or an unidentified parameter, not a maximum
                    continue;
                }
                best = r.theta();
                bestValue = r.value();
                bestGradient = r.gradientNorm();
                bestSe = se;
            }
        }
        if (best == null) {
            double[] theta = seen != null ? seen : starts.get(0);
            return new Outcome(false, theta, -seenValue * totalWeight, new double[theta.length], tried, iterations,
                    evaluations, usedFallback, Double.NaN, ridge);
        }
        return new Outcome(true, best, -bestValue * totalWeight, bestSe, tried,
                iterations, evaluations, usedFallback, bestGradient, ridge);
    }

    private static boolean atEdge(double[] theta) {
        for (double t : theta) {
            if (Math.abs(t) > EDGE) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    /**
     * Standard errors of the natural parameters: the inverse of the observed information in log
     * space (central differences of the analytic gradient), mapped back by the delta method
     * (se(p) = p se(log p), exact at a stationary point). Null when the information is not
     * clearly positive definite (some pivot below 1e-9 of the largest diagonal entry): then the
     * point is no proper maximum.
     */
    static double[] standardErrors(Objective f, double[] theta, double totalWeight) {
        int n = theta.length;
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += step;
            tm[j] -= step;
            f.valueAndGradient(tp, gp);
            f.valueAndGradient(tm, gm);
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step) * totalWeight;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = avg;
                h[j][i] = avg;
            }
        }
        double[][] inv = Linear.inverseSpd(h, 1e-9);
        if (inv == null) {
            return null;
        }
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            se[i] = Math.exp(theta[i]) * Math.sqrt(inv[i][i]);
        }
        return se;
    }
}

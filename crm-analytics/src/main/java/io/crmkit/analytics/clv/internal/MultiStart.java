package io.crmkit.analytics.clv.internal;

import java.util.List;

/**
 * The maximum-likelihood driver shared by every model: BFGS in log-parameter space from several
 * starting points, a Nelder-Mead fallback (then BFGS again to polish) for a start BFGS cannot
 * finish. Starts whose optimum runs off to the edge of the parameter space (|log parameter| >
 * {@value #EDGE}: a ridge such as the Gamma-Gamma's p to infinity, v to 0) never count as the
 * answer. Each start runs to a coarse tolerance and, when it lands inside, is polished to the full
 * tolerance from its run's inverse-Hessian estimate; the first start that ends at an interior
 * maximum is the answer, and the next start is tried only when one fails (no convergence, the
 * edge, or a flat ridge). An objective with analytic second derivatives (BG/NBD, MBG/NBD) runs
 * {@link Newton}'s method from each start first, straight to the full tolerance, and the BFGS
 * route above runs for that start only when Newton's does not end at an interior maximum. The
 * likelihoods fitted here have one interior maximum on the data seen in practice, so a
 * confirming second start from every fit only doubled its cost. Standard errors come from the
 * objective's analytic Hessian where it has one (BG/NBD, MBG/NBD; Newton's last one when it
 * found the maximum), else from central differences of the analytic gradient.
 *
 * <p>Above {@value #EXPLORE_ABOVE} customers the starts are explored on a random subsample of
 * about {@value #EXPLORE_CUSTOMERS} (unbiased thinning of the groups), and the sample's
 * optimum is polished on the whole data; the full search runs if that polish fails. A basin
 * that 50,000 customers single out is the whole data's too, and the polish from there takes a
 * handful of iterations instead of a full search.
 *
 * <p>Not part of the public API. Stateless.
 */
public final class MultiStart {

    /** Largest |log parameter| accepted as an interior optimum (e^20 is about 5e8). */
    static final double EDGE = 20;
    /** Above this many customers the starts are explored on a random subsample first. */
    static final double EXPLORE_ABOVE = 200_000;
    /** Size of that subsample. */
    static final double EXPLORE_CUSTOMERS = 50_000;
    /** Gradient tolerance of the exploring runs. */
    static final double COARSE = 1e-5;
    /** Most Newton iterations per start before the BFGS route takes over (a few suffice when it works). */
    static final int NEWTON_ITERATIONS = 100;

    private MultiStart() {
    }

    /**
     * The outcome: {@code converged} false when no start reached an interior optimum, and then
     * {@code theta} is the best point seen.
     */
    public record Outcome(boolean converged, double[] theta, double logLikelihood, double[] standardErrors,
            int startsTried, int iterations, int evaluations, boolean fallbackUsed, double gradientNorm,
            boolean ridge, double[][] inverseHessian) {
    }

    public static Outcome fit(Objective f, double totalWeight, List<double[]> starts, int maxIterations,
            double gradientTolerance, boolean fallback) {
        if (totalWeight > EXPLORE_ABOVE) {
            Objective sample = f.subsample(EXPLORE_CUSTOMERS / totalWeight, 0x5EEDL);
            if (sample != f) {
                Outcome onSample = search(sample, sample.totalWeight(), starts, maxIterations, gradientTolerance,
                        fallback);
                if (onSample.converged()) {
                    Bfgs.Result r = f.hasHessian()
                            ? Newton.minimize(f, onSample.theta(), gradientTolerance, maxIterations)
                            : Bfgs.minimize(f, onSample.theta(), gradientTolerance, maxIterations,
                                    onSample.inverseHessian());
                    Outcome full = maximum(f, totalWeight, r, onSample.startsTried(), onSample.iterations(),
                            onSample.evaluations(), onSample.fallbackUsed(), onSample.ridge());
                    if (full != null) {
                        return full;
                    }
                }
                // the sample misled: search the whole data from every start
            }
        }
        return search(f, totalWeight, starts, maxIterations, gradientTolerance, fallback);
    }

    /**
     * Tries the starts in turn: with second derivatives, Newton's method to the full tolerance
     * first; then (or without them) BFGS to the coarse tolerance {@value #COARSE} (with the
     * Nelder-Mead fallback when BFGS cannot finish), and one that lands inside the parameter space
     * is polished to the full tolerance from its run's inverse-Hessian estimate. The first start
     * that ends at an interior maximum (positive definite information) is the answer; the next
     * start is tried only when one does not converge, runs to the edge or ends on a flat ridge.
     */
    private static Outcome search(Objective f, double totalWeight, List<double[]> starts, int maxIterations,
            double gradientTolerance, boolean fallback) {
        double coarse = Math.max(gradientTolerance, COARSE);
        double[] seen = null;
        double seenValue = Double.POSITIVE_INFINITY;
        int iterations = 0;
        int evaluations = 0;
        int tried = 0;
        boolean usedFallback = false;
        boolean ridge = false;
        for (double[] start : starts) {
            tried++;
            if (f.hasHessian()) {
                Bfgs.Result n = Newton.minimize(f, start, gradientTolerance,
                        Math.min(maxIterations, NEWTON_ITERATIONS));
                Outcome o = maximum(f, totalWeight, n, tried, iterations, evaluations, usedFallback, ridge);
                if (o != null) {
                    return o;
                }
                iterations += n.iterations();
                evaluations += n.evaluations();
                if (Double.isFinite(n.value()) && n.value() < seenValue) {
                    seen = n.theta();
                    seenValue = n.value();
                }
                ridge |= n.converged();   // converged, yet at the edge or on a flat ridge
            }
            Coarse c = coarseRun(f, start, coarse, maxIterations, fallback);
            Bfgs.Result r = c.result();
            iterations += c.iterations();
            evaluations += c.evaluations();
            usedFallback |= c.fallbackUsed();
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
            Bfgs.Result polished = Bfgs.minimize(f, r.theta(), gradientTolerance, maxIterations, r.inverseHessian());
            Outcome o = maximum(f, totalWeight, polished, tried, iterations, evaluations, usedFallback, ridge);
            if (o != null) {
                return o;
            }
            ridge |= polished.converged();
            iterations += polished.iterations();
            evaluations += polished.evaluations();
        }
        double[] theta = seen != null ? seen : new double[f.dimension()];
        return new Outcome(false, theta, -seenValue * totalWeight, new double[theta.length], tried, iterations,
                evaluations, usedFallback, Double.NaN, ridge, null);
    }

    /** A coarse run and the work it took. */
    private record Coarse(Bfgs.Result result, int iterations, int evaluations, boolean fallbackUsed) {
    }

    /** BFGS to the coarse tolerance from start; when it cannot finish, Nelder-Mead and BFGS again. */
    private static Coarse coarseRun(Objective f, double[] start, double coarse, int maxIterations, boolean fallback) {
        Bfgs.Result r = Bfgs.minimize(f, start, coarse, maxIterations);
        if (r.converged() || !fallback) {
            return new Coarse(r, r.iterations(), r.evaluations(), false);
        }
        double[] nm = NelderMead.minimize(f, Double.isFinite(r.value()) ? r.theta() : start, 0.5, 4000);
        Bfgs.Result again = Bfgs.minimize(f, nm, coarse, maxIterations);
        int iterations = r.iterations() + again.iterations();
        int evaluations = r.evaluations() + again.evaluations() + 4000;
        boolean better = again.converged() || again.value() < r.value() || !Double.isFinite(r.value());
        return new Coarse(better ? again : r, iterations, evaluations, true);
    }

    /**
     * The outcome of a polished run when it is an interior maximum (converged, inside the edge,
     * positive definite information), counting its work on top of the search's; null otherwise.
     */
    private static Outcome maximum(Objective f, double totalWeight, Bfgs.Result r, int tried, int iterations,
            int evaluations, boolean fallback, boolean ridge) {
        if (!r.converged() || atEdge(r.theta())) {
            return null;
        }
        Errors se = standardErrors(f, r.theta(), totalWeight, r.hessian());
        if (se.se() == null) {
            return null; // flat in some direction: a ridge or an unidentified parameter, not a maximum
        }
        return new Outcome(true, r.theta(), -r.value() * totalWeight, se.se(), tried, iterations + r.iterations(),
                evaluations + r.evaluations() + se.evaluations(), fallback, r.gradientNorm(), ridge,
                r.inverseHessian());
    }

    private static boolean atEdge(double[] theta) {
        for (double t : theta) {
            if (Math.abs(t) > EDGE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Standard errors of the natural parameters: the inverse of the observed information in log
     * space (the objective's analytic Hessian, else central differences of its analytic gradient),
     * mapped back by the delta method (se(p) = p se(log p), exact at a stationary point). Null when the information is not
     * clearly positive definite (some pivot below 1e-9 of the largest diagonal entry): then the
     * point is no proper maximum. {@code known} is the objective's Hessian at theta when the
     * optimiser already computed it (Newton), else null.
     */
    static Errors standardErrors(Objective f, double[] theta, double totalWeight, double[][] known) {
        int n = theta.length;
        double[][] h = known != null ? copy(known) : f.hessian(theta);
        int evaluations = known != null ? 0 : 1;   // the one pass for the second derivatives
        if (h != null) {
            for (double[] row : h) {
                for (int j = 0; j < n; j++) {
                    row[j] *= totalWeight;
                }
            }
        } else {
            h = differenced(f, theta, totalWeight);
            evaluations = 2 * n;
        }
        double[][] inv = Linear.inverseSpd(h, 1e-9);
        if (inv == null) {
            return new Errors(null, evaluations);
        }
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            se[i] = Math.exp(theta[i]) * Math.sqrt(inv[i][i]);
        }
        return new Errors(se, evaluations);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Standard errors (null when the information is not positive definite) and the gradient evaluations they took. */
    record Errors(double[] se, int evaluations) {
    }

    /** The observed information in log space from central differences of the analytic gradient, symmetrised. */
    private static double[][] differenced(Objective f, double[] theta, double totalWeight) {
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
        return h;
    }
}

package io.crmkit.analytics.clv.internal;

import java.util.List;

/**
 * The maximum-likelihood driver shared by every model: BFGS in log-parameter space from several
 * starting points, a Nelder-Mead fallback (then BFGS again to polish) for a start BFGS cannot
 * finish, and the best converged optimum by likelihood. Starts whose optimum runs off to the edge
 * of the parameter space (|log parameter| > {@value #EDGE}: a ridge such as the Gamma-Gamma's
 * p to infinity, v to 0) never count as the answer. Each start runs to a coarse tolerance, enough
 * to find its basin, and the search stops early once two starts land in the same one; the basins
 * are then polished best first to the full tolerance, each from its run's inverse-Hessian
 * estimate, so the tight tolerance is paid for once. Standard errors come from a central-difference Hessian of the analytic gradient.
 *
 * <p>Above {@value #EXPLORE_ABOVE} customers the starts are explored on a random subsample of
 * about {@value #EXPLORE_CUSTOMERS} (unbiased thinning of the groups), and only the best of those
 * optima is polished on the whole data; the full multi-start runs if that polish fails. A basin
 * that 50,000 customers single out is the whole data's too, and the polish from there takes a
 * handful of iterations instead of two full searches.
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
                Search explored = explore(sample, starts, maxIterations, gradientTolerance, fallback);
                Outcome polished = polish(sample, sample.totalWeight(), explored, maxIterations, gradientTolerance,
                        fallback);
                if (polished.converged()) {
                    Candidate c = new Candidate(polished.theta(), 0, polished.inverseHessian());
                    Search one = new Search(List.of(c), 1, 0, 0, false, false, Double.POSITIVE_INFINITY, null);
                    Outcome full = polish(f, totalWeight, one, maxIterations, gradientTolerance, fallback);
                    if (full.converged()) {
                        return new Outcome(true, full.theta(), full.logLikelihood(), full.standardErrors(),
                                polished.startsTried(), polished.iterations() + full.iterations(),
                                polished.evaluations() + full.evaluations(),
                                polished.fallbackUsed() || full.fallbackUsed(), full.gradientNorm(),
                                polished.ridge(), full.inverseHessian());
                    }
                }
                // the sample misled: search the whole data from every start
            }
        }
        return polish(f, totalWeight, explore(f, starts, maxIterations, gradientTolerance, fallback), maxIterations,
                gradientTolerance, fallback);
    }

    /** A basin found by a coarse run: its point, value and the run's inverse-Hessian estimate. */
    private record Candidate(double[] theta, double value, double[][] inverseHessian) {
    }

    private record Search(List<Candidate> candidates, int tried, int iterations, int evaluations, boolean fallback,
            boolean ridge, double seenValue, double[] seen) {
    }

    /**
     * Runs every start to the coarse tolerance {@value #COARSE} (enough to tell basins apart),
     * stopping once two starts land in the same basin.
     */
    private static Search explore(Objective f, List<double[]> starts, int maxIterations, double gradientTolerance,
            boolean fallback) {
        double coarse = Math.max(gradientTolerance, COARSE);
        List<Candidate> found = new java.util.ArrayList<>();
        double[] seen = null;
        double seenValue = Double.POSITIVE_INFINITY;
        int iterations = 0;
        int evaluations = 0;
        int tried = 0;
        boolean usedFallback = false;
        boolean ridge = false;
        for (double[] start : starts) {
            tried++;
            Bfgs.Result r = Bfgs.minimize(f, start, coarse, maxIterations);
            iterations += r.iterations();
            evaluations += r.evaluations();
            if (!r.converged() && fallback) {
                usedFallback = true;
                double[] nm = NelderMead.minimize(f, Double.isFinite(r.value()) ? r.theta() : start, 0.5, 4000);
                Bfgs.Result again = Bfgs.minimize(f, nm, coarse, maxIterations);
                iterations += again.iterations();
                evaluations += again.evaluations() + 4000;
                if (again.converged() || again.value() < r.value() || !Double.isFinite(r.value())) {
                    r = again;
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
            boolean again = false;
            for (Candidate c : found) {
                again |= Math.abs(r.value() - c.value()) <= 1e-8 * (1 + Math.abs(c.value())) && close(r.theta(),
                        c.theta(), 1e-2);
            }
            found.add(new Candidate(r.theta(), r.value(), r.inverseHessian()));
            if (again) {
                break; // two starts found the same basin: more starts would only confirm it
            }
        }
        found.sort((p, q) -> Double.compare(p.value(), q.value()));
        return new Search(found, tried, iterations, evaluations, usedFallback, ridge, seenValue, seen);
    }

    /**
     * Polishes the basins best first to the full tolerance, from each one's inverse-Hessian
     * estimate; the first that is an interior maximum (positive definite information) wins.
     */
    private static Outcome polish(Objective f, double totalWeight, Search s, int maxIterations,
            double gradientTolerance, boolean fallback) {
        int iterations = s.iterations();
        int evaluations = s.evaluations();
        boolean ridge = s.ridge();
        for (Candidate c : s.candidates()) {
            Bfgs.Result r = Bfgs.minimize(f, c.theta(), gradientTolerance, maxIterations, c.inverseHessian());
            iterations += r.iterations();
            evaluations += r.evaluations();
            if (!r.converged() || atEdge(r.theta())) {
                ridge |= r.converged();
                continue;
            }
            double[] se = standardErrors(f, r.theta(), totalWeight);
            evaluations += 2 * r.theta().length;
            if (se == null) {
                ridge = true; // flat in some direction: a ridge or an unidentified parameter, not a maximum
                continue;
            }
            return new Outcome(true, r.theta(), -r.value() * totalWeight, se, s.tried(), iterations, evaluations,
                    s.fallback(), r.gradientNorm(), ridge, r.inverseHessian());
        }
        double[] theta = s.seen() != null ? s.seen() : new double[f.dimension()];
        return new Outcome(false, theta, -s.seenValue() * totalWeight, new double[theta.length], s.tried(),
                iterations, evaluations, s.fallback(), Double.NaN, ridge, null);
    }

    private static boolean atEdge(double[] theta) {
        for (double t : theta) {
            if (Math.abs(t) > EDGE) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
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

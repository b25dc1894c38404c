package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.MultiStart;
import io.crmkit.analytics.clv.internal.Objective;
import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fit procedure every model shares: the caller's guess and the model's starts (natural
 * parameters) into log space, the multi-start driver, and the summary or the failure. Stateless.
 */
final class Fitting {

    private Fitting() {
    }

    /** A fitted parameter vector with its summary. */
    record Fitted(double[] params, FitSummary summary) {
    }

    static Fitted fit(String model, String[] names, Objective f, double totalWeight, int customers, int histories,
            List<double[]> modelStarts, FitOptions options) {
        Checks.notNull(options, "options");
        List<double[]> starts = new ArrayList<>();
        double[] guess = options.initialGuess();
        if (guess.length > 0) {
            if (guess.length != names.length) {
                throw Checks.invalid("fit.initialGuess", "Size", "must hold " + names.length + " parameters for "
                        + model);
            }
            starts.add(guess);
        }
        for (double[] s : modelStarts) {
            if (starts.size() < options.starts()) {
                starts.add(s);
            }
        }
        List<double[]> logStarts = new ArrayList<>();
        for (double[] s : starts) {
            double[] t = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                t[i] = Math.log(s[i]);
            }
            logStarts.add(t);
        }
        MultiStart.Outcome o = MultiStart.fit(f, totalWeight, logStarts, options.maxIterations(),
                options.gradientTolerance(), options.fallback());
        if (!o.converged()) {
            throw new ModelFitException(model, "no interior maximum from " + o.startsTried() + " starting point(s)"
                    + (o.ridge() ? "; the likelihood keeps rising towards the edge of the parameter space"
                            : "; the optimiser stalled or reached " + options.maxIterations() + " iterations")
                    + " (best log-likelihood " + (float) o.logLikelihood() + ")");
        }
        double[] params = new double[names.length];
        Map<String, Double> se = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            params[i] = Math.exp(o.theta()[i]);
            se.put(names[i], o.standardErrors()[i]);
        }
        return new Fitted(params, new FitSummary(o.logLikelihood(), se, customers, histories, o.startsTried(),
                o.iterations(), o.evaluations(), o.fallbackUsed(), o.gradientNorm()));
    }

    /** Starts for (r, alpha, a|s, b|beta) spread over the shapes seen in practice, scaled by the mean age. */
    static List<double[]> fourParameterStarts(double scale, boolean pareto) {
        double t = scale > 0 ? scale : 1;
        List<double[]> s = new ArrayList<>();
        if (pareto) {
            s.add(new double[] {0.5, 0.3 * t, 0.5, 0.3 * t});
            s.add(new double[] {1, t, 1, t});
            s.add(new double[] {0.2, 0.1 * t, 1.5, 2 * t});
            s.add(new double[] {2, 3 * t, 0.3, 0.1 * t});
            s.add(new double[] {1, 0.05 * t, 3, 5 * t});
            s.add(new double[] {0.1, 0.02 * t, 0.1, 0.02 * t});
        } else {
            s.add(new double[] {0.5, 0.2 * t, 1, 3});
            s.add(new double[] {1, t, 1, 1});
            s.add(new double[] {0.2, 0.05 * t, 0.5, 1});
            s.add(new double[] {2, 2 * t, 3, 10});
            s.add(new double[] {1, 0.5 * t, 0.2, 0.5});
            s.add(new double[] {0.1, 0.01 * t, 2, 0.2});
        }
        return s;
    }

    static void checkTime(double t, String field) {
        if (!(Double.isFinite(t) && t >= 0 && t <= RfmSummary.MAX_VALUE)) {
            throw Checks.invalid(field, "Range", "must be a finite number between 0 and " + RfmSummary.MAX_VALUE);
        }
    }

    static void checkHistory(int x, double tx, double age) {
        // one rule set: the record's constructor
        new RfmSummary("check", x, tx, age, null);
    }

    static void checkCount(int n, String field) {
        Checks.between(n, 0, 100_000, field);
    }

    static double positive(double v, String field) {
        return Checks.positive(v, field);
    }
}

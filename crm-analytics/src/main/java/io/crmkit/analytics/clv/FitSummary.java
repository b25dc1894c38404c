package io.crmkit.analytics.clv;

import java.util.Map;

/**
 * How a model was fitted: the maximised log-likelihood, the standard error of each parameter
 * (inverse observed information; a fit is only accepted where that is positive definite), the number of
 * customers and of distinct (x, t_x, T) histories summed over, and the optimiser's effort.
 *
 * <p>Immutable and thread-safe.
 *
 * @param logLikelihood the maximum of the log-likelihood
 * @param standardErrors parameter name to standard error, in the model's parameter order
 * @param customers customers in the data
 * @param distinctHistories groups the likelihood summed over
 * @param startsTried starting points tried
 * @param iterations quasi-Newton iterations over all starts
 * @param evaluations likelihood evaluations over all starts
 * @param fallbackUsed whether the Nelder-Mead fallback ran for some start
 * @param gradientNorm largest gradient component at the optimum (per customer, log parameters)
 */
public record FitSummary(double logLikelihood, Map<String, Double> standardErrors, int customers,
        int distinctHistories, int startsTried, int iterations, int evaluations, boolean fallbackUsed,
        double gradientNorm) {

    public FitSummary {
        standardErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(standardErrors));
    }

    /** The standard error of {@code parameter} (for example {@code "alpha"}). */
    public double standardError(String parameter) {
        Double se = standardErrors.get(parameter);
        if (se == null) {
            throw io.crmkit.analytics.internal.Checks.invalid("parameter", "Known",
                    "must be one of " + standardErrors.keySet());
        }
        return se;
    }
}

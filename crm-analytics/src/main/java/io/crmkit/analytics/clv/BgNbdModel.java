package io.crmkit.analytics.clv;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): while
 * alive a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after each repeat
 * purchase they drop out with probability p ~ Beta(a, b).
 *
 * <p>{@link #fit(CustomerSummaries)} maximises the likelihood (analytic gradient, several starts,
 * customers grouped by identical history); {@link #of} takes known parameters. Predictions are
 * the closed forms of the paper, evaluated with a log-space hypergeometric series.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel extends BetaGeoModel {
    private static final String NAME = "BG/NBD";

    private BgNbdModel(double r, double alpha, double a, double b, PeriodUnit unit, FitSummary fit) {
        super(NAME, false, r, alpha, a, b, unit, fit);
    }

    /** A model with known parameters (alpha in {@code unit}); each finite and > 0. */
    public static BgNbdModel of(double r, double alpha, double a, double b, PeriodUnit unit) {
        return new BgNbdModel(r, alpha, a, b, unit, null);
    }

    /** Fits with {@link FitOptions#ofDefaults()}. */
    public static BgNbdModel fit(CustomerSummaries data) {
        return fit(data, FitOptions.ofDefaults());
    }

    /**
     * Maximum-likelihood fit.
     *
     * @throws ModelFitException when no start reaches an interior maximum
     */
    public static BgNbdModel fit(CustomerSummaries data, FitOptions options) {
        Fitting.Fitted f = fitParameters(NAME, false, data, options);
        double[] p = f.params();
        return new BgNbdModel(p[0], p[1], p[2], p[3], data.unit(), f.summary());
    }
}

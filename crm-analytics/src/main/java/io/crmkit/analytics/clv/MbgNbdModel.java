package io.crmkit.analytics.clv;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007): the BG/NBD, except that a
 * customer may also drop out right after the first purchase, so a customer who never came back
 * is not taken to be alive for sure.
 *
 * <p>{@link #fit(CustomerSummaries)} maximises the likelihood (analytic gradient, several starts,
 * customers grouped by identical history); {@link #of} takes known parameters. Predictions are
 * the closed forms of the paper, evaluated with a log-space hypergeometric series.
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdModel extends BetaGeoModel {
    private static final String NAME = "MBG/NBD";

    private MbgNbdModel(double r, double alpha, double a, double b, PeriodUnit unit, FitSummary fit) {
        super(NAME, true, r, alpha, a, b, unit, fit);
    }

    /** A model with known parameters (alpha in {@code unit}); each finite and > 0. */
    public static MbgNbdModel of(double r, double alpha, double a, double b, PeriodUnit unit) {
        return new MbgNbdModel(r, alpha, a, b, unit, null);
    }

    /** Fits with {@link FitOptions#ofDefaults()}. */
    public static MbgNbdModel fit(CustomerSummaries data) {
        return fit(data, FitOptions.ofDefaults());
    }

    /**
     * Maximum-likelihood fit.
     *
     * @throws ModelFitException when no start reaches an interior maximum
     */
    public static MbgNbdModel fit(CustomerSummaries data, FitOptions options) {
        Fitting.Fitted f = fitParameters(NAME, true, data, options);
        double[] p = f.params();
        return new MbgNbdModel(p[0], p[1], p[2], p[3], data.unit(), f.summary());
    }
}

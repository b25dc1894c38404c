package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.BgNbdLikelihood;
import io.crmkit.analytics.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
public final class BgNbdModel implements PurchaseModel {

    private static final String NAME = "BG/NBD";
    private static final String[] PARAMS = {"r", "alpha", "a", "b"};

    private final BetaGeoKernel k;
    private final PeriodUnit unit;
    private final FitSummary fit;

    private BgNbdModel(double r, double alpha, double a, double b, PeriodUnit unit, FitSummary fit) {
        this.k = new BetaGeoKernel(r, alpha, a, b, false);
        this.unit = Checks.notNull(unit, "unit");
        this.fit = fit;
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
        Checks.notNull(data, "data");
        var groups = data.groups();
        Fitting.Fitted f = Fitting.fit(NAME, PARAMS, new BgNbdLikelihood(groups, false), groups.totalWeight(),
                data.size(), groups.size(), Fitting.fourParameterStarts(groups.meanAge(), false), options);
        double[] p = f.params();
        return new BgNbdModel(p[0], p[1], p[2], p[3], data.unit(), f.summary());
    }

    public double r() {
        return k.r;
    }

    public double alpha() {
        return k.alpha;
    }

    public double a() {
        return k.a;
    }

    public double b() {
        return k.b;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PeriodUnit unit() {
        return unit;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("r", k.r);
        m.put("alpha", k.alpha);
        m.put("a", k.a);
        m.put("b", k.b);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(fit);
    }

    @Override
    public double logLikelihood(CustomerSummaries data) {
        Checks.notNull(data, "data");
        return k.logLikelihood(data);
    }

    @Override
    public double expectedPurchases(double t) {
        return k.expectedPurchases(t);
    }

    @Override
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        return k.conditionalExpectedPurchases(t, x, tx, age);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        return k.probabilityAlive(x, tx, age);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age, double ahead) {
        return k.probabilityAlive(x, tx, age, ahead);
    }

    @Override
    public double probabilityOfPurchases(int n, double t) {
        return k.probabilityOfPurchases(n, t);
    }

    @Override
    public String toString() {
        return NAME + parameters() + " in " + unit;
    }
}

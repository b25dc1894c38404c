package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.ParetoNbdLikelihood;
import io.crmkit.analytics.clv.internal.Special;
import io.crmkit.analytics.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while alive a customer buys as a
 * Poisson process with rate lambda ~ Gamma(r, alpha) and drops out after an exponential lifetime
 * with rate mu ~ Gamma(s, beta), at any time.
 *
 * <p>The likelihood and P(alive) use the Gaussian hypergeometric function in log space (see
 * {@code internal.Hypergeometric}), with an analytic gradient obtained by differentiating its
 * series term by term. P(X(t) = n) integrates over the dropout time by adaptive Simpson
 * quadrature (relative accuracy about 1e-10).
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdModel implements PurchaseModel {

    private static final String NAME = "Pareto/NBD";
    private static final String[] PARAMS = {"r", "alpha", "s", "beta"};

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final PeriodUnit unit;
    private final FitSummary fit;

    private ParetoNbdModel(double r, double alpha, double s, double beta, PeriodUnit unit, FitSummary fit) {
        this.r = Checks.positive(r, "r");
        this.alpha = Checks.positive(alpha, "alpha");
        this.s = Checks.positive(s, "s");
        this.beta = Checks.positive(beta, "beta");
        this.unit = Checks.notNull(unit, "unit");
        this.fit = fit;
    }

    /** A model with known parameters (alpha, beta in {@code unit}); each finite and > 0. */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, PeriodUnit unit) {
        return new ParetoNbdModel(r, alpha, s, beta, unit, null);
    }

    /** Fits with {@link FitOptions#ofDefaults()}. */
    public static ParetoNbdModel fit(CustomerSummaries data) {
        return fit(data, FitOptions.ofDefaults());
    }

    /**
     * Maximum-likelihood fit.
     *
     * @throws ModelFitException when no start reaches an interior maximum
     */
    public static ParetoNbdModel fit(CustomerSummaries data, FitOptions options) {
        Checks.notNull(data, "data");
        var groups = data.groups();
        Fitting.Fitted f = Fitting.fit(NAME, PARAMS, new ParetoNbdLikelihood(groups), groups.totalWeight(),
                data.size(), groups.size(), Fitting.fourParameterStarts(groups.meanAge(), true), options);
        double[] p = f.params();
        return new ParetoNbdModel(p[0], p[1], p[2], p[3], data.unit(), f.summary());
    }

    public double r() {
        return r;
    }

    public double alpha() {
        return alpha;
    }

    public double s() {
        return s;
    }

    public double beta() {
        return beta;
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
        m.put("r", r);
        m.put("alpha", alpha);
        m.put("s", s);
        m.put("beta", beta);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(fit);
    }

    @Override
    public double logLikelihood(CustomerSummaries data) {
        Checks.notNull(data, "data");
        return new ParetoNbdLikelihood(data.groups()).logLikelihood(r, alpha, s, beta, new double[4]);
    }

    @Override
    public double expectedPurchases(double t) {
        Fitting.checkTime(t, "t");
        return r * beta / alpha * shrink(Math.log(beta) - Math.log(beta + t));
    }

    @Override
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        Fitting.checkTime(t, "t");
        double alive = probabilityAlive(x, tx, age);
        return (r + x) * (beta + age) / (alpha + age) * shrink(Math.log(beta + age) - Math.log(beta + age + t))
                * alive;
    }

    /** [1 - e^((s-1) L)] / (s - 1), which tends to -L as s tends to 1. */
    private double shrink(double logRatio) {
        double e = s - 1;
        return Math.abs(e) < 1e-10 ? -logRatio : -Math.expm1(e * logRatio) / e;
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        Fitting.checkHistory(x, tx, age);
        double first = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        double second = ParetoNbdLikelihood.logSecondTerm(r, alpha, s, beta, x, tx, age);
        if (Double.isNaN(second)) {
            throw Checks.invalid("parameters", "Domain",
                    "P(alive) needs a hypergeometric series that converges for this history");
        }
        return 1 / (1 + Math.exp(second - first));
    }

    @Override
    public double probabilityAlive(int x, double tx, double age, double ahead) {
        Fitting.checkTime(ahead, "ahead");
        return probabilityAlive(x, tx, age) * Math.exp(s * (Math.log(beta + age) - Math.log(beta + age + ahead)));
    }

    /**
     * P(X(t) = n) = NB(n; t) (beta/(beta+t))^s + integral over (0, t) of NB(n; tau) times the
     * dropout density s beta^s (beta+tau)^-(s+1), where NB is the gamma-Poisson count.
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        Fitting.checkCount(n, "n");
        Fitting.checkTime(t, "t");
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logCoef = Special.lgamma(r + n) - Special.lgamma(r) - Special.lgamma(n + 1.0);
        java.util.function.DoubleUnaryOperator nb = tau -> tau == 0 ? (n == 0 ? 1 : 0)
                : Math.exp(logCoef + r * (Math.log(alpha) - Math.log(alpha + tau))
                        + n * (Math.log(tau) - Math.log(alpha + tau)));
        java.util.function.DoubleUnaryOperator integrand = tau -> nb.applyAsDouble(tau) * s
                * Math.exp(s * Math.log(beta) - (s + 1) * Math.log(beta + tau));
        double alive = nb.applyAsDouble(t) * Math.exp(s * (Math.log(beta) - Math.log(beta + t)));
        return alive + Quadrature.integrate(integrand, 0, t, 1e-12);
    }

    @Override
    public String toString() {
        return NAME + parameters() + " in " + unit;
    }
}

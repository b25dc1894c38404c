package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.BgNbdLikelihood;
import io.crmkit.analytics.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The beta-geometric family shared by {@link BgNbdModel} and {@link MbgNbdModel}: purchases while
 * alive at rate lambda ~ Gamma(r, alpha), drop-out probability p ~ Beta(a, b). The two differ only
 * in whether a customer can drop out before the first repeat purchase; everything else — the
 * parameters, the fit, every prediction — is here once.
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class BetaGeoModel implements PurchaseModel permits BgNbdModel, MbgNbdModel {
    private static final String[] PARAMS = {"r", "alpha", "a", "b"};

    private final BetaGeoKernel k;
    private final PeriodUnit unit;
    private final FitSummary fit;
    private final String name;

    BetaGeoModel(String name, boolean modified, double r, double alpha, double a, double b, PeriodUnit unit, FitSummary fit) {
        this.name = name;
        this.k = new BetaGeoKernel(r, alpha, a, b, modified);
        this.unit = Checks.notNull(unit, "unit");
        this.fit = fit;
    }

    /** The fitted parameters r, alpha, a, b and the summary, for a subclass's factory. */
    static Fitting.Fitted fitParameters(String name, boolean modified, CustomerSummaries data, FitOptions options) {
        Checks.notNull(data, "data");
        var groups = data.groups();
        return Fitting.fit(name, PARAMS, new BgNbdLikelihood(groups, modified), groups.totalWeight(), data.size(),
                groups.size(), Fitting.fourParameterStarts(groups.meanAge(), modified), options);
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
        return name;
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
        return name + parameters() + " in " + unit;
    }
}

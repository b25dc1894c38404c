package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.GammaGammaLikelihood;
import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis"; Colombo and Jiang 1999): each transaction's value is
 * Gamma(p, nu), with nu ~ Gamma(q, v) across customers, independent of the purchase process. It
 * is fitted on the repeat buyers (x > 0) from their mean repeat spend and gives the conditional
 * expected spend per transaction, the monetary input of CLV.
 *
 * <p>Some starting points run down a ridge (p to infinity, v to 0) where the likelihood
 * approaches a lower limit than the maximum; the multi-start fit never stops there.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {

    private static final String NAME = "Gamma-Gamma";
    private static final String[] PARAMS = {"p", "q", "v"};

    private final double p;
    private final double q;
    private final double v;
    private final FitSummary fit;

    private GammaGammaModel(double p, double q, double v, FitSummary fit) {
        this.p = Checks.positive(p, "p");
        this.q = Checks.positive(q, "q");
        this.v = Checks.positive(v, "v");
        this.fit = fit;
    }

    /** A model with known parameters, each finite and > 0. */
    public static GammaGammaModel of(double p, double q, double v) {
        return new GammaGammaModel(p, q, v, null);
    }

    /** Fits with {@link FitOptions#ofDefaults()}. */
    public static GammaGammaModel fit(CustomerSummaries data) {
        return fit(data, FitOptions.ofDefaults());
    }

    /**
     * Maximum-likelihood fit on the rows with x > 0.
     *
     * @throws io.crmkit.core.error.ValidationException when the data has no spend column, a repeat
     *     buyer's spend is not > 0, or fewer than two repeat buyers
     * @throws ModelFitException when no start reaches an interior maximum
     */
    public static GammaGammaModel fit(CustomerSummaries data, FitOptions options) {
        Checks.notNull(data, "data");
        if (!data.hasMonetary()) {
            throw Checks.invalid("monetary", "NotNull", "must be given for every customer to fit " + NAME);
        }
        int[] xs = data.frequencies();
        double[] money = data.monetaryColumn();
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > 0) {
                if (!(money[i] > 0)) {
                    throw Checks.invalid("monetary[" + i + "]", "Positive", "must be > 0 for a customer with x > 0");
                }
                n++;
            }
        }
        if (n < 2) {
            throw Checks.invalid("x", "RepeatBuyers", "must include at least two customers with x > 0 to fit " + NAME);
        }
        int[] gx = new int[n];
        double[] gm = new double[n];
        for (int i = 0, j = 0; i < xs.length; i++) {
            if (xs[i] > 0) {
                gx[j] = xs[i];
                gm[j++] = money[i];
            }
        }
        GammaGammaLikelihood f = GammaGammaLikelihood.grouped(gx, gm);
        double mean = f.meanSpend();
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {1, 1, 1});
        starts.add(new double[] {2, 3, mean});
        starts.add(new double[] {5, 2, 0.2 * mean});
        starts.add(new double[] {0.5, 5, 4 * mean});
        starts.add(new double[] {10, 10, mean});
        starts.add(new double[] {1, 2, 0.01 * mean});
        Fitting.Fitted fitted = Fitting.fit(NAME, PARAMS, f, f.totalWeight(), n, gx.length, starts, options);
        double[] par = fitted.params();
        return new GammaGammaModel(par[0], par[1], par[2], fitted.summary());
    }

    public double p() {
        return p;
    }

    public double q() {
        return q;
    }

    public double v() {
        return v;
    }

    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("p", p);
        m.put("q", q);
        m.put("v", v);
        return java.util.Collections.unmodifiableMap(m);
    }

    public Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(fit);
    }

    /** The population mean spend per transaction, p v / (q - 1); needs q > 1. */
    public double expectedSpend() {
        if (!(q > 1)) {
            throw Checks.invalid("q", "Domain", "must be > 1 for the mean spend to exist");
        }
        return p * v / (q - 1);
    }

    /**
     * E[spend | x, mean repeat spend]: the weighted mix (1 - w) population mean + w own mean, with
     * w = p x / (p x + q - 1). For x = 0 the population mean.
     */
    public double conditionalExpectedSpend(int x, double monetaryMean) {
        if (x < 0 || x > RfmSummary.MAX_VALUE) {
            throw Checks.invalid("frequency", "Range", "must be an integer between 0 and " + RfmSummary.MAX_VALUE);
        }
        if (!(Double.isFinite(monetaryMean) && monetaryMean >= 0)) {
            throw Checks.invalid("monetary", "NonNegative", "must be a finite number >= 0");
        }
        double population = expectedSpend();
        double w = p * x / (p * x + q - 1);
        return (1 - w) * population + w * monetaryMean;
    }

    /** {@link #conditionalExpectedSpend(int, double)} for every row (the data needs its spend column). */
    public double[] conditionalExpectedSpend(CustomerSummaries data) {
        Checks.notNull(data, "data");
        if (!data.hasMonetary()) {
            throw Checks.invalid("monetary", "NotNull", "must be given for every customer");
        }
        double[] out = new double[data.size()];
        double[] money = data.monetaryColumn();
        for (int i = 0; i < out.length; i++) {
            out[i] = conditionalExpectedSpend(data.frequency(i), money[i]);
        }
        return out;
    }

    /** The log-likelihood of the repeat buyers' spend in {@code data}. */
    public double logLikelihood(CustomerSummaries data) {
        Checks.notNull(data, "data");
        if (!data.hasMonetary()) {
            throw Checks.invalid("monetary", "NotNull", "must be given for every customer");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                rows.add(i);
            }
        }
        int[] gx = new int[rows.size()];
        double[] gm = new double[rows.size()];
        for (int j = 0; j < gx.length; j++) {
            gx[j] = data.frequency(rows.get(j));
            gm[j] = data.monetaryColumn()[rows.get(j)];
        }
        return GammaGammaLikelihood.grouped(gx, gm).logLikelihood(p, q, v, new double[3]);
    }

    @Override
    public String toString() {
        return NAME + parameters();
    }
}

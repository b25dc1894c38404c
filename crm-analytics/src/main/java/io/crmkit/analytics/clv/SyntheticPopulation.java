package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import java.util.SplittableRandom;

/**
 * Draws customer populations from a purchase model with known parameters, for testing a fit
 * ("does it recover what it was given?"), sizing a study, or load tests. Ages are uniform between
 * {@code minAge} and {@code maxAge}; purchase times are rounded down to a grid of
 * {@code resolution} (for example 1/7 of a week, i.e. whole days), as dates in real data are.
 *
 * <p>Seeded: the same seed gives the same population. Stateless and thread-safe.
 */
public final class SyntheticPopulation {

    private SyntheticPopulation() {
    }

    /** A population of {@code n} customers drawn from {@code model}. */
    public static CustomerSummaries draw(PurchaseModel model, int n, double minAge, double maxAge, double resolution,
            long seed) {
        Checks.notNull(model, "model");
        Checks.between(n, 1, CustomerSummaries.MAX_CUSTOMERS, "n");
        Fitting.checkTime(minAge, "minAge");
        Fitting.checkTime(maxAge, "maxAge");
        if (maxAge < minAge) {
            throw Checks.invalid("maxAge", "Range", "must be >= minAge");
        }
        Checks.between(resolution, 1e-6, 1e6, "resolution");
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.floor((minAge + (maxAge - minAge) * rnd.nextDouble()) / resolution) * resolution;
            age[i] = t;
            double[] h;
            if (model instanceof BgNbdModel m) {
                h = betaGeo(rnd, m.r(), m.alpha(), m.a(), m.b(), false, t);
            } else if (model instanceof MbgNbdModel m) {
                h = betaGeo(rnd, m.r(), m.alpha(), m.a(), m.b(), true, t);
            } else {
                ParetoNbdModel m = (ParetoNbdModel) model;
                h = pareto(rnd, m.r(), m.alpha(), m.s(), m.beta(), t);
            }
            x[i] = h[0];
            tx[i] = Math.min(t, Math.floor(h[1] / resolution) * resolution);
        }
        return CustomerSummaries.ofArrays(model.unit(), x, tx, age);
    }

    /**
     * Adds a mean repeat spend drawn from {@code spend} to every customer of {@code data} (each
     * transaction Gamma(p, nu), nu ~ Gamma(q, v) per customer; 0 for customers with x = 0).
     */
    public static CustomerSummaries withSpend(CustomerSummaries data, GammaGammaModel spend, long seed) {
        Checks.notNull(data, "data");
        Checks.notNull(spend, "spend");
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = data.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] m = new double[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = data.id(i);
            x[i] = data.frequency(i);
            tx[i] = data.recency(i);
            age[i] = data.age(i);
            if (data.frequency(i) > 0) {
                double nu = gamma(rnd, spend.q()) / spend.v();
                double total = 0;
                for (int k = 0; k < data.frequency(i); k++) {
                    total += gamma(rnd, spend.p()) / nu;
                }
                m[i] = total / data.frequency(i);
            }
        }
        return CustomerSummaries.ofArrays(data.unit(), ids, x, tx, age, m);
    }

    /** {x, t_x} of one BG/NBD (or MBG/NBD) customer observed for {@code age}. */
    private static double[] betaGeo(SplittableRandom rnd, double r, double alpha, double a, double b,
            boolean modified, double age) {
        double lambda = gamma(rnd, r) / alpha;
        double ga = gamma(rnd, a);
        double p = ga / (ga + gamma(rnd, b));
        if (modified && rnd.nextDouble() < p) {
            return new double[] {0, 0};
        }
        int x = 0;
        double t = 0;
        double last = 0;
        while (x < RfmSummary.MAX_VALUE) {
            t += -Math.log(1 - rnd.nextDouble()) / lambda;
            if (t > age) {
                break;
            }
            x++;
            last = t;
            if (rnd.nextDouble() < p) {
                break;
            }
        }
        return new double[] {x, last};
    }

    private static double[] pareto(SplittableRandom rnd, double r, double alpha, double s, double beta, double age) {
        double lambda = gamma(rnd, r) / alpha;
        double mu = gamma(rnd, s) / beta;
        double end = Math.min(age, -Math.log(1 - rnd.nextDouble()) / mu);
        int x = 0;
        double t = 0;
        double last = 0;
        while (x < RfmSummary.MAX_VALUE) {
            t += -Math.log(1 - rnd.nextDouble()) / lambda;
            if (t > end) {
                break;
            }
            x++;
            last = t;
        }
        return new double[] {x, last};
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the boost U^(1/k) for shape < 1. */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            return gamma(rnd, shape + 1) * Math.pow(1 - rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(rnd);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = 1 - rnd.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom rnd) {
        // Box-Muller; one of the pair is enough here
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}

package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.BgNbdLikelihood;
import io.crmkit.analytics.clv.internal.Hypergeometric;
import io.crmkit.analytics.clv.internal.Special;
import io.crmkit.analytics.internal.Checks;

/**
 * The one implementation of the beta-geometric family: BG/NBD (m = 0: a customer may drop out
 * only after a repeat purchase) and MBG/NBD (m = 1: also right after the first). The MBG/NBD
 * expressions are the BG/NBD ones with b + m in the places where the number of "coin flips"
 * survived appears. Immutable and thread-safe.
 */
final class BetaGeoKernel {

    final double r;
    final double alpha;
    final double a;
    final double b;
    final int m;

    BetaGeoKernel(double r, double alpha, double a, double b, boolean modified) {
        this.r = Checks.positive(r, "r");
        this.alpha = Checks.positive(alpha, "alpha");
        this.a = Checks.positive(a, "a");
        this.b = Checks.positive(b, "b");
        this.m = modified ? 1 : 0;
    }

    double logLikelihood(CustomerSummaries data) {
        return new BgNbdLikelihood(data.groups(), m == 1).logLikelihood(r, alpha, a, b, new double[4]);
    }

    /** log of the odds term a/(b+x-1+m) ((alpha+T)/(alpha+t_x))^(r+x); -inf when it does not apply. */
    private double logDeathOdds(int x, double tx, double age) {
        if (x == 0 && m == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(a) - Math.log(b + x - 1 + m) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    }

    double probabilityAlive(int x, double tx, double age) {
        Fitting.checkHistory(x, tx, age);
        return 1 / (1 + Math.exp(logDeathOdds(x, tx, age)));
    }

    double probabilityAlive(int x, double tx, double age, double ahead) {
        Fitting.checkHistory(x, tx, age);
        Fitting.checkTime(ahead, "ahead");
        double z = ahead / (alpha + age + ahead);
        double log = (r + x) * (Math.log(alpha + age) - Math.log(alpha + age + ahead))
                + hyp(r + x, b + x + m, a + b + x + m, z);
        return Math.exp(log) / (1 + Math.exp(logDeathOdds(x, tx, age)));
    }

    double expectedPurchases(double t) {
        Fitting.checkTime(t, "t");
        checkA();
        double c = a + b - 1 + m;
        domain(c > 0, "a + b > 1");
        double coefficient = c / (a - 1) * (m == 1 ? b / (a + b) : 1);
        double log = r * (Math.log(alpha) - Math.log(alpha + t)) + hyp(r, b + m, c, t / (alpha + t));
        return coefficient * -Math.expm1(log);
    }

    double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        Fitting.checkHistory(x, tx, age);
        Fitting.checkTime(t, "t");
        checkA();
        double c = a + b + x - 1 + m;
        domain(c > 0, "a + b > 1");
        double z = t / (alpha + age + t);
        double log = hyp(r + x, b + x + m, c, z) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t));
        return c / (a - 1) * -Math.expm1(log) / (1 + Math.exp(logDeathOdds(x, tx, age)));
    }

    double probabilityOfPurchases(int n, double t) {
        Fitting.checkCount(n, "n");
        Fitting.checkTime(t, "t");
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logP = Math.log(alpha) - Math.log(alpha + t);
        double logQ = Math.log(t) - Math.log(alpha + t);
        double lbAB = Special.lbeta(a, b);
        double first = Math.exp(Special.lbeta(a, b + n + m) - lbAB + Special.lgamma(r + n) - Special.lgamma(r)
                - Special.lgamma(n + 1.0) + r * logP + n * logQ);
        if (n == 0 && m == 0) {
            return first;
        }
        // P(NBD count >= n), summed from its first n terms by the ratio (r + j) / (j + 1) q
        double term = Math.exp(r * logP);
        double cumulative = 0;
        double q = Math.exp(logQ);
        for (int j = 0; j < n; j++) {
            cumulative += term;
            term *= (r + j) / (j + 1) * q;
        }
        double tail = Math.max(0, 1 - cumulative);
        return first + Math.exp(Special.lbeta(a + 1, b + n - 1 + m) - lbAB) * tail;
    }

    private double hyp(double p, double q, double c, double z) {
        double v = Hypergeometric.log2F1(p, q, c, z);
        domain(!Double.isNaN(v), "a horizon short enough for the hypergeometric series to converge");
        return v;
    }

    private void checkA() {
        domain(Math.abs(a - 1) > 1e-9, "a different from 1");
    }

    private static void domain(boolean ok, String rule) {
        if (!ok) {
            throw Checks.invalid("parameters", "Domain", "this prediction needs " + rule);
        }
    }
}

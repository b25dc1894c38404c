package io.crmkit.analytics.clv.internal;

/**
 * Special functions the buy-till-you-die likelihoods need, written out so crm-analytics stays free
 * of numeric libraries: log-gamma (Lanczos, g = 7, about 1e-15 relative), digamma (recurrence to
 * x >= 10, then the asymptotic series) and the log-sum helpers.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class Special {

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Special() {
    }

    /** log Γ(x) for x > 0; NaN otherwise. */
    public static double lgamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 0.5) {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in the range where it is accurate
            return lgamma(x + 1) - Math.log(x);
        }
        if (x > 1e7) {
            // Stirling: the Lanczos sum adds nothing at this size
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + 1 / (12 * x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        double t = y + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** ψ(x) = d/dx log Γ(x) for x > 0; NaN otherwise. */
    public static double digamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        return result + Math.log(x) - 0.5 * inv
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
    }

    /** log B(a, b). */
    public static double lbeta(double a, double b) {
        return lgamma(a) + lgamma(b) - lgamma(a + b);
    }

    /** log(e^a + e^b) without overflow; -inf when both are -inf. */
    public static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /** log(e^a - e^b) for a >= b; -inf when they are equal. */
    public static double logSubExp(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double d = b - a;
        return d >= 0 ? Double.NEGATIVE_INFINITY : a + Math.log(-Math.expm1(d));
    }
}

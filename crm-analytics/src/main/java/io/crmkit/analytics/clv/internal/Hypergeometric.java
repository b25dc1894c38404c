package io.crmkit.analytics.clv.internal;

/**
 * The Gauss hypergeometric function 2F1 in log space, for the arguments the buy-till-you-die
 * models produce: 0 <= z < 1, c > 0.
 *
 * <p>The general form sums the power series with a running scale so that neither large parameters
 * (a + b in the hundreds) nor z near 1 overflow; where Euler's transformation
 * 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z) gives a series of positive terms that stays
 * small, it is used instead. The special form with c = a + 1 (the Pareto/NBD likelihood) also
 * returns the partial derivatives in a, b and z, obtained by differentiating the series term by
 * term, so that the Pareto/NBD fit has an analytic gradient.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class Hypergeometric {

    /** Series terms beyond which the sum is given up (z within about 1e-4 of 1). */
    static final int MAX_TERMS = 400_000;
    private static final double EPS = 1e-16;
    private static final double RESCALE = 1e200;

    private Hypergeometric() {
    }

    /**
     * log 2F1(a, b; c; z) for c > 0 and 0 <= z < 1 where the value is positive; NaN when the
     * arguments are outside that range or the series does not converge within {@value #MAX_TERMS}
     * terms.
     */
    public static double log2F1(double a, double b, double c, double z) {
        if (!(c > 0) || !(z >= 0) || !(z < 1) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return Double.NaN;
        }
        if (z == 0) {
            return 0;
        }
        if (c - a >= 0 && c - b >= 0 && c - a - b < 0) {
            // Euler: positive terms, and the prefactor carries the growth the direct series would sum
            return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
        }
        return logSeries(a, b, c, z);
    }

    private static double logSeries(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1));
            term *= ratio * z;
            if (term == 0) {
                // a or b a non-positive integer: the series is a polynomial and has ended
                return sum > 0 ? logScale + Math.log(sum) : Double.NaN;
            }
            sum += term;
            if (Math.abs(sum) > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                logScale += Math.log(RESCALE);
            }
            // late ratios move monotonically towards 1, so the later terms shrink at least by q
            double q = Math.max(Math.abs(ratio), 1) * z;
            if (q < 1 && Math.abs(term) * q / (1 - q) <= EPS * Math.abs(sum)) {
                return sum > 0 ? logScale + Math.log(sum) : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * log 2F1(a, b; a + 1; z) and its partial derivatives, for a > 0, 0 < b < a + 1 and
     * 0 <= z < 1. Writes {d/da, d/db, d/dz} of the log into {@code grad} and returns the log, or
     * NaN when the series does not converge.
     */
    public static double log2F1APlusOne(double a, double b, double z, double[] grad) {
        if (!(a > 0) || !(b > 0) || !(b < a + 1) || !(z >= 0) || !(z < 1)) {
            return Double.NaN;
        }
        double log1mz = Math.log1p(-z);
        // Euler: F = (1-z)^(1-b) S with S = sum u_n, u_{n+1} = u_n (a+1-b+n)/(a+1+n) z, all positive
        double u = 1;
        double ua = 0;
        double ub = 0;
        double uz = 0;
        double s = 1;
        double sa = 0;
        double sb = 0;
        double sz = 0;
        double c = a + 1;
        boolean done = z == 0;
        for (int n = 0; !done; n++) {
            if (n >= MAX_TERMS) {
                return Double.NaN;
            }
            double den = c + n;
            double rho = (c - b + n) / den;
            double nextUa = (ua * rho + u * b / (den * den)) * z;
            double nextUb = (ub * rho - u / den) * z;
            double nextUz = (uz * z + u) * rho;
            u *= rho * z;
            ua = nextUa;
            ub = nextUb;
            uz = nextUz;
            s += u;
            sa += ua;
            sb += ub;
            sz += uz;
            // the ratios rise towards z, so the rest of the sum is below u z / (1 - z)
            double tail = z / (1 - z);
            done = u * tail <= EPS * s && Math.abs(ua) * tail <= EPS * Math.abs(sa) + EPS * s
                    && Math.abs(ub) * tail <= EPS * Math.abs(sb) + EPS * s && uz * tail <= EPS * sz + EPS * s;
        }
        grad[0] = sa / s;
        grad[1] = -log1mz + sb / s;
        grad[2] = -(1 - b) / (1 - z) + sz / s;
        return (1 - b) * log1mz + Math.log(s);
    }
}

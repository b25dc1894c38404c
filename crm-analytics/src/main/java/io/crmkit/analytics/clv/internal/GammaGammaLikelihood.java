package io.crmkit.analytics.clv.internal;

/**
 * The Gamma-Gamma spend model's log-likelihood (Fader, Hardie and Lee 2005, "RFM and CLV") of
 * the repeat buyers' mean spend, with its analytic gradient, as an objective over
 * theta = log(p, q, v): the value is minus the log-likelihood per customer. For a customer with
 * x > 0 repeat purchases of mean value m:
 * lgamma(px+q) - lgamma(px) - lgamma(q) + q log v + (px-1) log m + px log x - (px+q) log(xm+v).
 *
 * <p>Not part of the public API. Immutable and thread-safe.
 */
public final class GammaGammaLikelihood implements Objective {

    private final int[] x;
    private final double[] m;
    private final double[] weight;
    private final double total;

    /** Rows with x > 0 and m > 0 only, already validated and grouped. */
    public GammaGammaLikelihood(int[] x, double[] m, double[] weight) {
        this.x = x;
        this.m = m;
        this.weight = weight;
        double t = 0;
        for (double w : weight) {
            t += w;
        }
        this.total = t;
    }

    /** Groups customers with the same (x, m). */
    public static GammaGammaLikelihood grouped(int[] xs, double[] ms) {
        Interner keys = new Interner(xs.length);
        int[] gx = new int[xs.length];
        double[] gm = new double[xs.length];
        double[] w = new double[xs.length];
        Interner values = new Interner(xs.length);
        for (int i = 0; i < xs.length; i++) {
            int mi = values.intern(Double.doubleToLongBits(ms[i]));
            int gi = keys.intern(((long) xs[i] << 32) | mi);
            gx[gi] = xs[i];
            gm[gi] = ms[i];
            w[gi]++;
        }
        int n = keys.size();
        return new GammaGammaLikelihood(java.util.Arrays.copyOf(gx, n), java.util.Arrays.copyOf(gm, n),
                java.util.Arrays.copyOf(w, n));
    }

    @Override
    public double totalWeight() {
        return total;
    }

    /** Weighted mean spend, for starting points. */
    public double meanSpend() {
        double acc = 0;
        for (int i = 0; i < m.length; i++) {
            acc += weight[i] * m[i];
        }
        return acc / total;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        double p = Math.exp(theta[0]);
        double q = Math.exp(theta[1]);
        double v = Math.exp(theta[2]);
        double ll = logLikelihood(p, q, v, grad);
        grad[0] *= -p / total;
        grad[1] *= -q / total;
        grad[2] *= -v / total;
        return -ll / total;
    }

    /** Total log-likelihood at (p, q, v); writes its derivatives into grad. */
    public double logLikelihood(double p, double q, double v, double[] grad) {
        double ll = 0;
        double dp = 0;
        double dq = 0;
        double dv = 0;
        double lgQ = Special.lgamma(q);
        double psiQ = Special.digamma(q);
        double logV = Math.log(v);
        for (int i = 0; i < x.length; i++) {
            double w = weight[i];
            double xi = x[i];
            double px = p * xi;
            double logM = Math.log(m[i]);
            double logX = Math.log(xi);
            double logXmV = Math.log(xi * m[i] + v);
            double psiPxQ = Special.digamma(px + q);
            ll += w * (Special.lgamma(px + q) - Special.lgamma(px) - lgQ + q * logV + (px - 1) * logM + px * logX
                    - (px + q) * logXmV);
            dp += w * xi * (psiPxQ - Special.digamma(px) + logM + logX - logXmV);
            dq += w * (psiPxQ - psiQ + logV - logXmV);
            dv += w * (q / v - (px + q) / (xi * m[i] + v));
        }
        grad[0] = dp;
        grad[1] = dq;
        grad[2] = dv;
        return ll;
    }
}

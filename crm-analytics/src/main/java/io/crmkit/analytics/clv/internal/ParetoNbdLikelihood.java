package io.crmkit.analytics.clv.internal;

/**
 * The Pareto/NBD log-likelihood (Schmittlein, Morrison and Colombo 1987, in the form of Fader and
 * Hardie's 2005 note) over grouped customers with its analytic gradient, as an objective over
 * theta = log(r, alpha, s, beta): the value is minus the log-likelihood per customer.
 *
 * <p>LL = lgamma(r+x) - lgamma(r) + r log alpha + s log beta
 * + log[(alpha+T)^-(r+x) (beta+T)^-s + s/(r+s+x) A0], where, with m = max(alpha, beta),
 * A0 = F(z(t_x)) / (m+t_x)^(r+s+x) - F(z(T)) / (m+T)^(r+s+x), z(t) = |alpha-beta| / (m+t) and
 * F = 2F1(r+s+x, s+1 or r+x; r+s+x+1; z) (s+1 when alpha >= beta). A0 is formed in log space from
 * the two terms, so neither overflows however large r+s+x is.
 *
 * <p>Not part of the public API. Holds scratch arrays: one instance per thread.
 */
public final class ParetoNbdLikelihood implements Objective {

    private final Groups g;
    private final double[] hyp = new double[3];
    private final double[] d1 = new double[4];
    private final double[] d2 = new double[4];

    public ParetoNbdLikelihood(Groups groups) {
        this.g = groups;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public double totalWeight() {
        return g.totalWeight;
    }

    @Override
    public Objective subsample(double fraction, long seed) {
        return new ParetoNbdLikelihood(g.thin(fraction, seed));
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        double[] p = {Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3])};
        double ll = logLikelihood(p[0], p[1], p[2], p[3], grad);
        for (int i = 0; i < 4; i++) {
            grad[i] *= -p[i] / g.totalWeight;
        }
        return -ll / g.totalWeight;
    }

    /** The total log-likelihood at natural parameters; writes d LL / d(r, alpha, s, beta) into grad. */
    public double logLikelihood(double r, double alpha, double s, double beta, double[] grad) {
        double ll = 0;
        double[] acc = new double[4];
        double lgR = Special.lgamma(r);
        double psiR = Special.digamma(r);
        double logAlpha = Math.log(alpha);
        double logBeta = Math.log(beta);
        for (int i = 0; i < g.xValues.length; i++) {
            double w = g.weightByX[i];
            int x = g.xValues[i];
            ll += w * (Special.lgamma(r + x) - lgR + r * logAlpha + s * logBeta);
            acc[0] += w * (Special.digamma(r + x) - psiR + logAlpha);
            acc[1] += w * r / alpha;
            acc[2] += w * logBeta;
            acc[3] += w * s / beta;
        }
        for (int k = 0; k < g.x.length; k++) {
            int x = g.x[k];
            double w = g.weight[k];
            double t = g.tValues[g.tIndex[k]];
            double tx = g.txValues[g.txIndex[k]];
            double rx = r + x;
            double rsx = r + s + x;
            double first = -rx * Math.log(alpha + t) - s * Math.log(beta + t);
            double logT1 = logTerm(r, alpha, s, beta, x, tx, d1);
            double logT2 = logTerm(r, alpha, s, beta, x, t, d2);
            if (Double.isNaN(logT1) || Double.isNaN(logT2)) {
                return Double.NaN;
            }
            double logA0 = Special.logSubExp(logT1, logT2);
            double second = Math.log(s) - Math.log(rsx) + logA0;
            double total = Special.logAddExp(first, second);
            ll += w * total;
            double wf = w * Math.exp(first - total);
            double ws = w * Math.exp(second - total);
            acc[0] -= wf * Math.log(alpha + t);
            acc[1] -= wf * rx / (alpha + t);
            acc[2] -= wf * Math.log(beta + t);
            acc[3] -= wf * s / (beta + t);
            if (ws > 0) {
                // d log A0 = (dlogT1 - e dlogT2) / (1 - e), e = T2 / T1 in [0, 1)
                double e = Math.exp(logT2 - logT1);
                double inv = 1 / (1 - e);
                acc[0] += ws * (-1 / rsx + (d1[0] - e * d2[0]) * inv);
                acc[1] += ws * (d1[1] - e * d2[1]) * inv;
                acc[2] += ws * (1 / s - 1 / rsx + (d1[2] - e * d2[2]) * inv);
                acc[3] += ws * (d1[3] - e * d2[3]) * inv;
            }
        }
        System.arraycopy(acc, 0, grad, 0, 4);
        return ll;
    }

    /**
     * log[F(z(t)) / (m+t)^(r+s+x)] and its derivatives in (r, alpha, s, beta) written to {@code d}.
     */
    private double logTerm(double r, double alpha, double s, double beta, int x, double t, double[] d) {
        double a2 = r + s + x;
        boolean alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double b2 = alphaLarger ? s + 1 : r + x;
        double q = m + t;
        double z = Math.abs(alpha - beta) / q;
        double logF = Hypergeometric.log2F1APlusOne(a2, b2, z, hyp);
        double logQ = Math.log(q);
        // dz/dalpha and dz/dbeta for the branch in use
        double dzAlpha = alphaLarger ? (beta + t) / (q * q) : -1 / q;
        double dzBeta = alphaLarger ? -1 / q : (alpha + t) / (q * q);
        d[0] = hyp[0] + (alphaLarger ? 0 : hyp[1]) - logQ;
        d[2] = hyp[0] + (alphaLarger ? hyp[1] : 0) - logQ;
        d[1] = hyp[2] * dzAlpha - (alphaLarger ? a2 / q : 0);
        d[3] = hyp[2] * dzBeta - (alphaLarger ? 0 : a2 / q);
        return logF - a2 * logQ;
    }

    /** log A0 and helpers for predictions: log[s/(r+s+x) A0]. */
    public static double logSecondTerm(double r, double alpha, double s, double beta, int x, double tx, double t) {
        ParetoNbdLikelihood scratch = new ParetoNbdLikelihood(null);
        double logT1 = scratch.logTerm(r, alpha, s, beta, x, tx, scratch.d1);
        double logT2 = scratch.logTerm(r, alpha, s, beta, x, t, scratch.d2);
        return Math.log(s) - Math.log(r + s + x) + Special.logSubExp(logT1, logT2);
    }
}

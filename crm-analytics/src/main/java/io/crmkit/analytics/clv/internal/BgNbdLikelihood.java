package io.crmkit.analytics.clv.internal;

/**
 * The BG/NBD (Fader, Hardie and Lee 2005) and MBG/NBD (Batislam, Denizel and Filiztekin 2007)
 * log-likelihoods over grouped customers, with their analytic gradients, as objectives over
 * theta = log(r, alpha, a, b): the value is minus the log-likelihood per customer.
 *
 * <p>Per customer, with C = lgamma(r+x) - lgamma(r) + r log(alpha) + log B(a, b+x+m) - log B(a, b):
 * LL = C + log[(alpha+T)^-(r+x) + d a/(b+x-1+m) (alpha+t_x)^-(r+x)], where m = 0, d = [x > 0]
 * for BG/NBD and m = 1, d = 1 for MBG/NBD (a customer may also drop out at time 0).
 *
 * <p>Not part of the public API. Holds scratch arrays: one instance per thread.
 */
public final class BgNbdLikelihood implements Objective {

    private final Groups g;
    private final boolean modified;
    private final double[] logAlphaT;
    private final double[] invAlphaT;
    private final double[] logAlphaTx;
    private final double[] invAlphaTx;
    private final double[] logBx;
    private final double[] invBx;

    /** Largest x for which the x-only terms are built by recurrence over 0..max x. */
    private static final int RECURRENCE_MAX = 10_000;
    /** Weight per x value 0..max x, or null when max x is above {@value #RECURRENCE_MAX}. */
    private final double[] weightAtX;

    public BgNbdLikelihood(Groups groups, boolean modified) {
        this.g = groups;
        int maxX = 0;
        for (int x : groups.xValues) {
            maxX = Math.max(maxX, x);
        }
        if (maxX <= RECURRENCE_MAX) {
            weightAtX = new double[maxX + 1];
            for (int i = 0; i < groups.xValues.length; i++) {
                weightAtX[groups.xValues[i]] += groups.weightByX[i];
            }
        } else {
            weightAtX = null;
        }
        this.modified = modified;
        logAlphaT = new double[groups.tValues.length];
        invAlphaT = new double[groups.tValues.length];
        logAlphaTx = new double[groups.txValues.length];
        invAlphaTx = new double[groups.txValues.length];
        logBx = new double[groups.xValues.length];
        invBx = new double[groups.xValues.length];
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
        return new BgNbdLikelihood(g.thin(fraction, seed), modified);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        double ll = logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]),
                grad);
        double w = g.totalWeight;
        grad[0] *= -Math.exp(theta[0]) / w;
        grad[1] *= -Math.exp(theta[1]) / w;
        grad[2] *= -Math.exp(theta[2]) / w;
        grad[3] *= -Math.exp(theta[3]) / w;
        return -ll / w;
    }

    /**
     * Analytic second derivatives of the value (minus the log-likelihood per customer) over
     * log(r, alpha, a, b): the natural-parameter Hessian H of LL and its gradient g give
     * d² LL / d theta_i d theta_j = p_i p_j H_ij + [i = j] p_i g_i. Null above
     * {@value #RECURRENCE_MAX} purchases (no trigamma there; the caller differences the gradient).
     */
    @Override
    public double[][] hessian(double[] theta) {
        if (weightAtX == null) {
            return null;
        }
        double[] p = {Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3])};
        double[] grad = new double[4];
        logLikelihood(p[0], p[1], p[2], p[3], grad);   // also fills the per-value tables used below
        double[][] h = naturalHessian(p[0], p[1], p[2], p[3]);
        double w = g.totalWeight;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                h[i][j] = -(p[i] * p[j] * h[i][j] + (i == j ? p[i] * grad[i] : 0)) / w;
            }
        }
        return h;
    }

    /**
     * d² LL / d(r, alpha, a, b)², from the tables the last {@link #logLikelihood} call filled for
     * the same parameters. Per group LL = C(x) + log(e^A3 + e^A4) (A4 absent for a BG/NBD x = 0),
     * whose Hessian is p3 H(A3) + p4 H(A4) + p3 p4 (grad A4 - grad A3)(grad A4 - grad A3)^T with
     * p3, p4 the two terms' shares; the x-only part C by recurrences over x like the value's.
     */
    private double[][] naturalHessian(double r, double alpha, double a, double b) {
        int m = modified ? 1 : 0;
        double[][] h = new double[4][4];
        // x-only terms: lgamma(r+x) - lgamma(r) + r log alpha + lgamma(b+m+x) - lgamma(b) - lgamma(a+b+m+x) + lgamma(a+b)
        double trR = 0;                                   // trigamma(r + x) - trigamma(r)
        double trB = m == 1 ? -1 / (b * b) : 0;           // trigamma(b + m + x) - trigamma(b)
        double trAB = m == 1 ? -1 / ((a + b) * (a + b)) : 0; // trigamma(a + b + m + x) - trigamma(a + b)
        for (int x = 0; x < weightAtX.length; x++) {
            double w = weightAtX[x];
            if (w != 0) {
                h[0][0] += w * trR;
                h[0][1] += w / alpha;
                h[1][1] -= w * r / (alpha * alpha);
                h[2][2] -= w * trAB;
                h[2][3] -= w * trAB;
                h[3][3] += w * (trB - trAB);
            }
            trR -= 1 / ((r + x) * (r + x));
            trB -= 1 / ((b + m + x) * (b + m + x));
            trAB -= 1 / ((a + b + m + x) * (a + b + m + x));
        }
        double[] delta = new double[4];
        for (int k = 0; k < g.x.length; k++) {
            int x = g.x[k];
            double w = g.weight[k];
            double rx = r + x;
            int j = g.tIndex[k];
            double iT = invAlphaT[j];
            if (x == 0 && !modified) {
                h[0][1] -= w * iT;
                h[1][1] += w * rx * iT * iT;
                continue;
            }
            int q = g.txIndex[k];
            int xk = g.xIndex[k];
            double iTx = invAlphaTx[q];
            double iB = invBx[xk];
            double a3 = -rx * logAlphaT[j];
            double a4 = Math.log(a) - logBx[xk] - rx * logAlphaTx[q];
            double d = a4 - a3;
            double e = Math.exp(-Math.abs(d));
            double p4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
            double p3 = 1 - p4;
            h[0][1] -= w * (p3 * iT + p4 * iTx);
            h[1][1] += w * rx * (p3 * iT * iT + p4 * iTx * iTx);
            h[2][2] -= w * p4 / (a * a);
            h[3][3] += w * p4 * iB * iB;
            delta[0] = logAlphaT[j] - logAlphaTx[q];
            delta[1] = rx * (iT - iTx);
            delta[2] = 1 / a;
            delta[3] = -iB;
            double c = w * p3 * p4;
            for (int i = 0; i < 4; i++) {
                for (int l = i; l < 4; l++) {
                    h[i][l] += c * delta[i] * delta[l];
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int l = 0; l < i; l++) {
                h[i][l] = h[l][i];
            }
        }
        return h;
    }

    /** The total log-likelihood at natural parameters; writes d LL / d(r, alpha, a, b) into grad. */
    public double logLikelihood(double r, double alpha, double a, double b, double[] grad) {
        int m = modified ? 1 : 0;
        for (int j = 0; j < logAlphaT.length; j++) {
            logAlphaT[j] = Math.log(alpha + g.tValues[j]);
            invAlphaT[j] = 1 / (alpha + g.tValues[j]);
        }
        for (int k = 0; k < logAlphaTx.length; k++) {
            logAlphaTx[k] = Math.log(alpha + g.txValues[k]);
            invAlphaTx[k] = 1 / (alpha + g.txValues[k]);
        }
        double ll = 0;
        double dr = 0;
        double dalpha = 0;
        double da = 0;
        double db = 0;
        double logAlpha = Math.log(alpha);
        // terms in x alone, once per distinct x
        if (weightAtX != null) {
            // lgamma(c + x) - lgamma(c) and psi(c + x) - psi(c) by their recurrences, one log and one
            // division per step: cheaper than six special functions per distinct x
            double lr = 0;
            double dgr = 0;
            double lb = m == 1 ? Math.log(b) : 0;
            double dgb = m == 1 ? 1 / b : 0;
            double lab = m == 1 ? Math.log(a + b) : 0;
            double dgab = m == 1 ? 1 / (a + b) : 0;
            for (int x = 0; x < weightAtX.length; x++) {
                double w = weightAtX[x];
                if (w != 0) {
                    ll += w * (lr + r * logAlpha + lb - lab);
                    dr += w * (dgr + logAlpha);
                    dalpha += w * r / alpha;
                    da -= w * dgab;
                    db += w * (dgb - dgab);
                }
                lr += Math.log(r + x);
                dgr += 1 / (r + x);
                lb += Math.log(b + m + x);
                dgb += 1 / (b + m + x);
                lab += Math.log(a + b + m + x);
                dgab += 1 / (a + b + m + x);
            }
        } else {
            double lgR = Special.lgamma(r);
            double psiR = Special.digamma(r);
            double lgB = Special.lgamma(b);
            double psiB = Special.digamma(b);
            double lgAB = Special.lgamma(a + b);
            double psiAB = Special.digamma(a + b);
            for (int i = 0; i < g.xValues.length; i++) {
                double w = g.weightByX[i];
                int x = g.xValues[i];
                ll += w * (Special.lgamma(r + x) - lgR + r * logAlpha + lgAB + Special.lgamma(b + x + m) - lgB
                        - Special.lgamma(a + b + x + m));
                double psiABX = Special.digamma(a + b + x + m);
                dr += w * (Special.digamma(r + x) - psiR + logAlpha);
                dalpha += w * r / alpha;
                da += w * (psiAB - psiABX);
                db += w * (psiAB + Special.digamma(b + x + m) - psiB - psiABX);
            }
        }
        for (int i = 0; i < g.xValues.length; i++) {
            int x = g.xValues[i];
            logBx[i] = Math.log(b + x - 1 + m);
            invBx[i] = 1 / (b + x - 1 + m);
        }
        double logA = Math.log(a);
        // Kahan-compensated sum over groups: with a million customers the plain sum's rounding
        // (about 1e-13 relative) would hide the last decreases the line search has to see
        double sum = 0;
        double comp = 0;
        double deathWeight = 0;
        int[] xs = g.x;
        double[] weight = g.weight;
        int[] ti = g.tIndex;
        int[] txi = g.txIndex;
        int[] xi = g.xIndex;
        for (int k = 0; k < xs.length; k++) {
            int x = xs[k];
            double w = weight[k];
            double rx = r + x;
            int j = ti[k];
            double a3 = -rx * logAlphaT[j];
            double term;
            if (x == 0 && !modified) {
                term = w * a3;
                double y = term - comp;
                double t = sum + y;
                comp = (t - sum) - y;
                sum = t;
                dr -= w * logAlphaT[j];
                dalpha -= w * rx * invAlphaT[j];
                continue;
            }
            int q = txi[k];
            int xk = xi[k];
            double a4 = logA - logBx[xk] - rx * logAlphaTx[q];
            // log(e^a3 + e^a4) with one exp and one log: max + log(1 + e^-|a3-a4|)
            double d = a4 - a3;
            double e = Math.exp(-Math.abs(d));
            double share = e / (1 + e); // weight of the smaller term
            term = w * (Math.max(a3, a4) + Math.log(1 + e));
            double y = term - comp;
            double t = sum + y;
            comp = (t - sum) - y;
            sum = t;
            double w4 = w * (d > 0 ? 1 - share : share);
            double w3 = w - w4;
            dr -= w3 * logAlphaT[j] + w4 * logAlphaTx[q];
            dalpha -= rx * (w3 * invAlphaT[j] + w4 * invAlphaTx[q]);
            deathWeight += w4;
            db -= w4 * invBx[xk];
        }
        ll += sum;
        da += deathWeight / a;
        grad[0] = dr;
        grad[1] = dalpha;
        grad[2] = da;
        grad[3] = db;
        return ll;
    }
}

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

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
        return valueGradientHessian(theta, grad, null);
    }

    /** Analytic second derivatives up to {@value #RECURRENCE_MAX} purchases (the trigamma recurrences). */
    @Override
    public boolean hasHessian() {
        return weightAtX != null;
    }

    /**
     * The value (minus the log-likelihood per customer over log(r, alpha, a, b)), its gradient
     * and, when {@code hessian} is not null, its second derivatives, in one pass over the groups:
     * with p the natural parameters, LL's gradient g and Hessian H in them,
     * d² value / d theta_i d theta_j = -(p_i p_j H_ij + [i = j] p_i g_i) / customers.
     */
    @Override
    public double valueGradientHessian(double[] theta, double[] grad, double[][] hessian) {
        double[] p = {Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3])};
        double ll = evaluate(p[0], p[1], p[2], p[3], grad, hessian);
        double w = g.totalWeight;
        if (hessian != null) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    hessian[i][j] = -(p[i] * p[j] * hessian[i][j] + (i == j ? p[i] * grad[i] : 0)) / w;
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            grad[i] *= -p[i] / w;
        }
        return -ll / w;
    }

    /** The second derivatives over log-parameters; null above {@value #RECURRENCE_MAX} purchases. */
    @Override
    public double[][] hessian(double[] theta) {
        if (!hasHessian()) {
            return null;
        }
        double[][] h = new double[4][4];
        valueGradientHessian(theta, new double[4], h);
        return h;
    }

    /** The total log-likelihood at natural parameters; writes d LL / d(r, alpha, a, b) into grad. */
    public double logLikelihood(double r, double alpha, double a, double b, double[] grad) {
        return evaluate(r, alpha, a, b, grad, null);
    }

    /**
     * The total log-likelihood at natural parameters; writes its gradient into grad and, when
     * {@code hess} is not null (only with the recurrence tables), its Hessian in (r, alpha, a, b).
     * Per group LL = C(x) + log(e^A3 + e^A4) (A4 absent for a BG/NBD x = 0), whose Hessian is
     * p3 H(A3) + p4 H(A4) + p3 p4 (grad A4 - grad A3)(grad A4 - grad A3)^T with p3, p4 the two
     * terms' shares; the x-only part C by recurrences over x.
     */
    private double evaluate(double r, double alpha, double a, double b, double[] grad, double[][] hess) {
        for (int j = 0; j < logAlphaT.length; j++) {
            logAlphaT[j] = Math.log(alpha + g.tValues[j]);
            invAlphaT[j] = 1 / (alpha + g.tValues[j]);
        }
        for (int k = 0; k < logAlphaTx.length; k++) {
            logAlphaTx[k] = Math.log(alpha + g.txValues[k]);
            invAlphaTx[k] = 1 / (alpha + g.txValues[k]);
        }
        int m = modified ? 1 : 0;
        for (int i = 0; i < g.xValues.length; i++) {
            logBx[i] = Math.log(b + g.xValues[i] - 1 + m);
            invBx[i] = 1 / (b + g.xValues[i] - 1 + m);
        }
        if (hess != null) {
            for (double[] row : hess) {
                java.util.Arrays.fill(row, 0);
            }
        }
        double ll = weightAtX != null ? xTermsByRecurrence(r, alpha, a, b, grad, hess)
                : xTermsBySpecialFunctions(r, alpha, a, b, grad);
        return ll + groupTerms(r, a, grad, hess);
    }

    /**
     * Adds the two-term part log(e^A3 + e^A4) of every group to grad (and hess when not null);
     * returns its sum. Kahan-compensated: with a million customers the plain sum's rounding (about
     * 1e-13 relative) would hide the last decreases the line search has to see.
     */
    private double groupTerms(double r, double a, double[] grad, double[][] hess) {
        boolean second = hess != null;
        double logA = Math.log(a);
        double sum = 0;
        double comp = 0;
        double dr = 0;
        double dalpha = 0;
        double deathWeight = 0;
        double db = 0;
        // natural-parameter second derivatives: the two terms' own, then the share-weighted outer
        // products c d d^T with d = grad A4 - grad A3 = (dT - dTx, rx (iT - iTx), 1/a, -iB); the
        // a-column of d is the constant 1/a, so its sums come from c and c d alone
        double h01 = 0;
        double h11 = 0;
        double h33 = 0;
        double c = 0;
        double c0 = 0;
        double c1 = 0;
        double c3 = 0;
        double c00 = 0;
        double c01 = 0;
        double c03 = 0;
        double c11 = 0;
        double c13 = 0;
        double c33 = 0;
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
            double lT = logAlphaT[j];
            double iT = invAlphaT[j];
            double a3 = -rx * lT;
            double term;
            if (x == 0 && !modified) {
                term = w * a3;
                double y = term - comp;
                double t = sum + y;
                comp = (t - sum) - y;
                sum = t;
                dr -= w * lT;
                dalpha -= w * rx * iT;
                if (second) {
                    h01 -= w * iT;
                    h11 += w * rx * iT * iT;
                }
                continue;
            }
            int q = txi[k];
            int xk = xi[k];
            double lTx = logAlphaTx[q];
            double iTx = invAlphaTx[q];
            double iB = invBx[xk];
            double a4 = logA - logBx[xk] - rx * lTx;
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
            double u = w3 * iT + w4 * iTx;
            dr -= w3 * lT + w4 * lTx;
            dalpha -= rx * u;
            deathWeight += w4;
            db -= w4 * iB;
            if (second) {
                h01 -= u;
                h11 += rx * (w3 * iT * iT + w4 * iTx * iTx);
                h33 += w4 * iB * iB;
                double cw = w * share * (1 - share);   // w p3 p4
                double d0 = lT - lTx;
                double d1 = rx * (iT - iTx);
                c += cw;
                c0 += cw * d0;
                c1 += cw * d1;
                c3 -= cw * iB;
                c00 += cw * d0 * d0;
                c01 += cw * d0 * d1;
                c03 -= cw * d0 * iB;
                c11 += cw * d1 * d1;
                c13 -= cw * d1 * iB;
                c33 += cw * iB * iB;
            }
        }
        grad[0] += dr;
        grad[1] += dalpha;
        grad[2] += deathWeight / a;
        grad[3] += db;
        if (second) {
            double ia = 1 / a;
            hess[0][0] += c00;
            hess[0][1] += h01 + c01;
            hess[0][2] += c0 * ia;
            hess[0][3] += c03;
            hess[1][1] += h11 + c11;
            hess[1][2] += c1 * ia;
            hess[1][3] += c13;
            hess[2][2] += (c - deathWeight) * ia * ia;
            hess[2][3] += c3 * ia;
            hess[3][3] += h33 + c33;
            for (int i = 0; i < 4; i++) {
                for (int l = 0; l < i; l++) {
                    hess[i][l] = hess[l][i];
                }
            }
        }
        return sum;
    }

    /**
     * The terms in x alone (lgamma(r+x) - lgamma(r) + r log alpha + log B(a, b+x+m) - log B(a, b)),
     * once per distinct x, with their gradient (written) and Hessian (upper triangle, when not
     * null): lgamma(c + x) - lgamma(c), psi(c + x) - psi(c) and the trigamma difference by their
     * recurrences, cheaper than special functions per distinct x.
     */
    private double xTermsByRecurrence(double r, double alpha, double a, double b, double[] grad, double[][] hess) {
        int m = modified ? 1 : 0;
        double logAlpha = Math.log(alpha);
        double ll = 0;
        double dr = 0;
        double dalpha = 0;
        double da = 0;
        double db = 0;
        double lr = 0;
        double dgr = 0;
        double trR = 0;
        double lb = m == 1 ? Math.log(b) : 0;
        double dgb = m == 1 ? 1 / b : 0;
        double trB = m == 1 ? -1 / (b * b) : 0;
        double lab = m == 1 ? Math.log(a + b) : 0;
        double dgab = m == 1 ? 1 / (a + b) : 0;
        double trAB = m == 1 ? -1 / ((a + b) * (a + b)) : 0;
        double h00 = 0;
        double h01 = 0;
        double h11 = 0;
        double h22 = 0;
        double h33 = 0;
        for (int x = 0; x < weightAtX.length; x++) {
            double w = weightAtX[x];
            if (w != 0) {
                ll += w * (lr + r * logAlpha + lb - lab);
                dr += w * (dgr + logAlpha);
                dalpha += w * r / alpha;
                da -= w * dgab;
                db += w * (dgb - dgab);
                h00 += w * trR;
                h01 += w / alpha;
                h11 -= w * r / (alpha * alpha);
                h22 -= w * trAB;
                h33 += w * (trB - trAB);
            }
            double rx = r + x;
            double bx = b + m + x;
            double abx = a + b + m + x;
            lr += Math.log(rx);
            dgr += 1 / rx;
            trR -= 1 / (rx * rx);
            lb += Math.log(bx);
            dgb += 1 / bx;
            trB -= 1 / (bx * bx);
            lab += Math.log(abx);
            dgab += 1 / abx;
            trAB -= 1 / (abx * abx);
        }
        grad[0] = dr;
        grad[1] = dalpha;
        grad[2] = da;
        grad[3] = db;
        if (hess != null) {
            hess[0][0] = h00;
            hess[0][1] = h01;
            hess[1][1] = h11;
            hess[2][2] = h22;
            hess[2][3] = h22;
            hess[3][3] = h33;
        }
        return ll;
    }

    /** As {@link #xTermsByRecurrence} for very large x, with lgamma and digamma per distinct x; no Hessian. */
    private double xTermsBySpecialFunctions(double r, double alpha, double a, double b, double[] grad) {
        int m = modified ? 1 : 0;
        double logAlpha = Math.log(alpha);
        double lgR = Special.lgamma(r);
        double psiR = Special.digamma(r);
        double lgB = Special.lgamma(b);
        double psiB = Special.digamma(b);
        double lgAB = Special.lgamma(a + b);
        double psiAB = Special.digamma(a + b);
        double ll = 0;
        double dr = 0;
        double dalpha = 0;
        double da = 0;
        double db = 0;
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
        grad[0] = dr;
        grad[1] = dalpha;
        grad[2] = da;
        grad[3] = db;
        return ll;
    }
}

package io.crmkit.analytics.clv.internal;

/**
 * Quasi-Newton minimisation (BFGS with a dense inverse-Hessian update, which is the right size
 * for models with three or four parameters) and a strong-Wolfe line search after Nocedal and
 * Wright, algorithms 3.5 and 3.6, with safeguarded quadratic interpolation.
 *
 * <p>Not part of the public API. Stateless; each call works on its own arrays.
 */
public final class Bfgs {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    /** Longest step in log-parameter space: a factor of e^4 on a parameter per iteration. */
    private static final double MAX_STEP = 4;
    /** Relative rounding allowed in the sufficient-decrease test. */
    private static final double ROUNDING = 1e-14;

    private Bfgs() {
    }

    /**
     * Where a minimisation ended: BFGS's inverse-Hessian estimate, or (from {@link Newton}) the
     * objective's Hessian at theta; the other null.
     */
    public record Result(double[] theta, double value, double gradientNorm, int iterations, int evaluations,
            boolean converged, double[][] inverseHessian, double[][] hessian) {
    }

    /**
     * Minimises {@code f} from {@code start} until the largest gradient component is below
     * {@code gradientTolerance} (converged) or {@code maxIterations} pass or no step lowers the value
     * any more (not converged, unless the gradient is within 100 times the tolerance).
     */
    public static Result minimize(Objective f, double[] start, double gradientTolerance, int maxIterations) {
        return minimize(f, start, gradientTolerance, maxIterations, null);
    }

    /**
     * As {@link #minimize(Objective, double[], double, int)}, starting from the inverse-Hessian
     * estimate {@code h0} (for example the one a run on a subsample ended with), or the identity
     * when null.
     */
    public static Result minimize(Objective f, double[] start, double gradientTolerance, int maxIterations,
            double[][] h0) {
        int n = f.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        int[] evals = {1};
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, Double.NaN, 0, evals[0], false, null, null);
        }
        double[][] h = identity(n);
        boolean scaled = false;
        if (h0 != null) {
            for (int i = 0; i < n; i++) {
                h[i] = h0[i].clone();
            }
            scaled = true;
        }
        double[] p = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iter = 0; iter < maxIterations; iter++) {
            double gnorm = normInf(g);
            if (gnorm < gradientTolerance) {
                return new Result(x, fx, gnorm, iter, evals[0], true, h, null);
            }
            multiply(h, g, p);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                p[i] = -p[i];
                slope += p[i] * g[i];
            }
            if (!(slope < 0)) {
                h = identity(n); // the update lost positive definiteness: restart along the gradient
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            double pnorm = normInf(p);
            double maxAlpha = MAX_STEP / pnorm;
            double alpha0 = Math.min(1, maxAlpha);
            double fNew = lineSearch(f, x, fx, p, slope, alpha0, maxAlpha, xNew, gNew, evals, gradientTolerance);
            if (Double.isNaN(fNew)) {
                return new Result(x, fx, gnorm, iter, evals[0], gnorm < 100 * gradientTolerance, h, null);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                if (!scaled) {
                    // Nocedal and Wright (6.20): size the first inverse Hessian from the first step
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                    scaled = true;
                }
                update(h, s, y, sy);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
        double gnorm = normInf(g);
        return new Result(x, fx, gnorm, maxIterations, evals[0], gnorm < gradientTolerance, h, null);
    }

    /** Strong-Wolfe search along p; fills xNew/gNew and returns the value there, or NaN on failure. */
    private static double lineSearch(Objective f, double[] x, double f0, double[] p, double d0, double alpha1,
            double maxAlpha, double[] xNew, double[] gNew, int[] evals, double gtol) {
        // Near the optimum the decrease falls below the rounding of f: allow that much (the
        // approximate Wolfe condition of Hager and Zhang) and let the curvature test decide
        double limit = f0 + 100 * ROUNDING * Math.abs(f0);
        f0 += ROUNDING * Math.abs(f0);
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = d0;
        double a = alpha1;
        for (int i = 0; i < 40; i++) {
            double fa = evaluate(f, x, p, a, xNew, gNew, evals);
            double da = Double.isFinite(fa) ? dot(gNew, p) : Double.NaN;
            if (Double.isFinite(da) && fa <= limit && normInf(gNew) < gtol) {
                return fa; // the point the search is for, whatever rounding says about f
            }
            if (!Double.isFinite(fa) || !Double.isFinite(da) || fa > f0 + C1 * a * d0 || (i > 0 && fa >= fPrev)) {
                return zoom(f, x, f0, p, d0, aPrev, fPrev, dPrev, a, fa, xNew, gNew, evals);
            }
            if (Math.abs(da) <= -C2 * d0) {
                return fa;
            }
            if (da >= 0) {
                return zoom(f, x, f0, p, d0, a, fa, da, aPrev, fPrev, xNew, gNew, evals);
            }
            if (a >= maxAlpha) {
                return fa; // the longest step allowed still descends: take it
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = Math.min(2 * a, maxAlpha);
        }
        return Double.NaN;
    }

    private static double zoom(Objective f, double[] x, double f0, double[] p, double d0, double lo, double fLo,
            double dLo, double hi, double fHi, double[] xNew, double[] gNew, int[] evals) {
        double bestA = lo;
        for (int i = 0; i < 20; i++) {
            double width = hi - lo;
            double a;
            if (Double.isFinite(fHi)) {
                // minimiser of the quadratic through f(lo), f'(lo), f(hi), kept inside the bracket
                double denom = 2 * (fHi - fLo - dLo * width);
                a = denom > 0 ? lo - dLo * width * width / denom : lo + 0.5 * width;
                double low = Math.min(lo, hi) + 0.1 * Math.abs(width);
                double high = Math.max(lo, hi) - 0.1 * Math.abs(width);
                a = Math.min(Math.max(a, low), high);
            } else {
                a = lo + 0.5 * width;
            }
            double fa = evaluate(f, x, p, a, xNew, gNew, evals);
            double da = Double.isFinite(fa) ? dot(gNew, p) : Double.NaN;
            if (!Double.isFinite(fa) || !Double.isFinite(da) || fa > f0 + C1 * a * d0 || fa >= fLo) {
                hi = a;
                fHi = fa;
            } else {
                if (Math.abs(da) <= -C2 * d0) {
                    return fa;
                }
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
                bestA = a;
            }
            if (Math.abs(hi - lo) < 1e-14 * Math.max(1, Math.abs(lo))) {
                break;
            }
        }
        if (bestA > 0 && fLo < f0) {
            // no Wolfe point in floating point, but a sufficient decrease: accept it
            return evaluate(f, x, p, bestA, xNew, gNew, evals);
        }
        return Double.NaN;
    }

    private static double evaluate(Objective f, double[] x, double[] p, double a, double[] xNew, double[] gNew,
            int[] evals) {
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + a * p[i];
        }
        evals[0]++;
        return f.valueAndGradient(xNew, gNew);
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        double rho = 1 / sy;
        double coeff = (1 + rho * yhy) * rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += coeff * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double acc = 0;
            for (int j = 0; j < v.length; j++) {
                acc += m[i][j] * v[j];
            }
            out[i] = acc;
        }
    }

    static double dot(double[] a, double[] b) {
        double acc = 0;
        for (int i = 0; i < a.length; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    static double normInf(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}

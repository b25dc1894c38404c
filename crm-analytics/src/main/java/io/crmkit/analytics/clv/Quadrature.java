package io.crmkit.analytics.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Simpson quadrature with Richardson correction and a recursion bound, for the smooth
 * one-dimensional integrals of the predictions. Stateless and thread-safe.
 */
final class Quadrature {

    private static final int MAX_DEPTH = 25;

    private Quadrature() {
    }

    /** The integral of f over [lo, hi] to about {@code tolerance} absolute. */
    static double integrate(DoubleUnaryOperator f, double lo, double hi, double tolerance) {
        // sixteen panels first, so that a narrow peak is not missed by the first coarse estimate
        int panels = 16;
        double width = (hi - lo) / panels;
        double total = 0;
        for (int i = 0; i < panels; i++) {
            double a = lo + i * width;
            double b = i == panels - 1 ? hi : a + width;
            double fa = f.applyAsDouble(a);
            double fb = f.applyAsDouble(b);
            double fm = f.applyAsDouble(0.5 * (a + b));
            total += adapt(f, a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), tolerance / panels, 0);
        }
        return total;
    }

    private static double simpson(double a, double b, double fa, double fm, double fb) {
        return (b - a) / 6 * (fa + 4 * fm + fb);
    }

    private static double adapt(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
            double whole, double tolerance, int depth) {
        double m = 0.5 * (a + b);
        double lm = f.applyAsDouble(0.5 * (a + m));
        double rm = f.applyAsDouble(0.5 * (m + b));
        double left = simpson(a, m, fa, lm, fm);
        double right = simpson(m, b, fm, rm, fb);
        double delta = left + right - whole;
        // the relative floor stops the halving tolerance from chasing rounding noise
        if (depth >= MAX_DEPTH || Math.abs(delta) <= 15 * Math.max(tolerance, 1e-15 * Math.abs(left + right))) {
            return left + right + delta / 15;
        }
        return adapt(f, a, m, fa, lm, fm, left, tolerance / 2, depth + 1)
                + adapt(f, m, b, fm, rm, fb, right, tolerance / 2, depth + 1);
    }
}

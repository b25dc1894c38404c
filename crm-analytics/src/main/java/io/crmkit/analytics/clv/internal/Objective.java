package io.crmkit.analytics.clv.internal;

/**
 * A smooth function to minimise over log-parameters: returns the value and writes the gradient.
 * A non-finite value marks a point outside the domain (the optimisers step back from it).
 *
 * <p>Not part of the public API. Implementations are used by one thread at a time.
 */
public interface Objective {

    int dimension();

    /** The value at {@code theta}; writes d value / d theta into {@code gradient}. */
    double valueAndGradient(double[] theta, double[] gradient);

    /** The value alone; implementations may compute it faster than with the gradient. */
    default double value(double[] theta) {
        return valueAndGradient(theta, new double[dimension()]);
    }

    /**
     * The second derivatives d² value / d theta_i d theta_j, or null when the objective has no
     * analytic form (then the standard errors come from finite differences of the gradient).
     */
    default double[][] hessian(double[] theta) {
        return null;
    }

    /** Whether {@link #valueGradientHessian} computes second derivatives (then Newton's method can run). */
    default boolean hasHessian() {
        return false;
    }

    /**
     * The value at {@code theta}; writes the gradient and, when {@code hessian} is not null (only
     * if {@link #hasHessian()}), the second derivatives, in one pass over the data.
     */
    default double valueGradientHessian(double[] theta, double[] gradient, double[][] hessian) {
        if (hessian != null) {
            throw new UnsupportedOperationException("no analytic second derivatives");
        }
        return valueAndGradient(theta, gradient);
    }

    /** Customers summed over (the weight of the data). */
    double totalWeight();

    /**
     * The same objective over a random subsample of about {@code fraction} of the customers, for
     * exploring starting points cheaply; this objective itself when it cannot subsample.
     */
    default Objective subsample(double fraction, long seed) {
        return this;
    }
}

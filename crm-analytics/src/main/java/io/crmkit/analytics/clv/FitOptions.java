package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import java.util.Arrays;

/**
 * How a model is fitted: the number of starting points (the model's own spread of starts, after
 * an optional caller's guess), the iteration limit and gradient tolerance of each quasi-Newton
 * run, and whether a Nelder-Mead fallback may rescue a run that stalls.
 *
 * <p>Build with {@link #custom()}, {@link #ofDefaults()} or {@link #from(FitOptions)}; every
 * setter checks its range and names the field. Immutable and thread-safe.
 */
public final class FitOptions {

    private final int starts;
    private final int maxIterations;
    private final double gradientTolerance;
    private final boolean fallback;
    private final double[] initialGuess;

    private FitOptions(Builder b) {
        starts = b.starts;
        maxIterations = b.maxIterations;
        gradientTolerance = b.gradientTolerance;
        fallback = b.fallback;
        initialGuess = b.initialGuess;
    }

    /** 6 starts, 1,000 iterations, gradient tolerance 1e-9 (per customer, log parameters), fallback on. */
    public static FitOptions ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(FitOptions base) {
        Checks.notNull(base, "base");
        Builder b = custom().starts(base.starts).maxIterations(base.maxIterations)
                .gradientTolerance(base.gradientTolerance).fallback(base.fallback);
        b.initialGuess = base.initialGuess;
        return b;
    }

    public int starts() {
        return starts;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double gradientTolerance() {
        return gradientTolerance;
    }

    public boolean fallback() {
        return fallback;
    }

    /** The caller's first starting point in the model's parameter order, or an empty array. */
    public double[] initialGuess() {
        return initialGuess == null ? new double[0] : initialGuess.clone();
    }

    @Override
    public String toString() {
        return "FitOptions[starts=" + starts + ", maxIterations=" + maxIterations + ", gradientTolerance="
                + gradientTolerance + ", fallback=" + fallback + ", initialGuess=" + Arrays.toString(initialGuess())
                + "]";
    }

    /** Builder of {@link FitOptions}; not thread-safe. */
    public static final class Builder {
        private int starts = 6;
        private int maxIterations = 1000;
        private double gradientTolerance = 1e-9;
        private boolean fallback = true;
        private double[] initialGuess;

        private Builder() {
        }

        /** Starting points tried at most, 1 to 20 (the search stops at the first that ends at an interior maximum). */
        public Builder starts(int value) {
            starts = Checks.between(value, 1, 20, "fit.starts");
            return this;
        }

        /** Iterations per quasi-Newton run, 10 to 100,000. */
        public Builder maxIterations(int value) {
            maxIterations = Checks.between(value, 10, 100_000, "fit.maxIterations");
            return this;
        }

        /** Largest gradient component (log-likelihood per customer, log parameters), 1e-13 to 1e-3. */
        public Builder gradientTolerance(double value) {
            gradientTolerance = Checks.between(value, 1e-13, 1e-3, "fit.gradientTolerance");
            return this;
        }

        public Builder fallback(boolean value) {
            fallback = value;
            return this;
        }

        /** A first starting point, in the model's parameter order; each value finite and > 0. */
        public Builder initialGuess(double... params) {
            Checks.notNull(params, "fit.initialGuess");
            if (params.length < 1 || params.length > 8) {
                throw Checks.invalid("fit.initialGuess", "Size", "must hold 1 to 8 parameters");
            }
            for (int i = 0; i < params.length; i++) {
                Checks.positive(params[i], "fit.initialGuess[" + i + "]");
            }
            initialGuess = params.clone();
            return this;
        }

        public FitOptions build() {
            return new FitOptions(this);
        }
    }
}

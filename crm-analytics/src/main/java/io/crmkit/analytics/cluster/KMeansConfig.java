package io.crmkit.analytics.cluster;

import io.crmkit.analytics.internal.Checks;

/**
 * How {@link KMeans} clusters: the number of clusters, the seed of the k-means++ initialisation,
 * the iteration bound and convergence tolerance, whether columns are standardised, and threads.
 * The result depends on the seed, never on the number of threads.
 *
 * <p>Immutable and thread-safe.
 */
public final class KMeansConfig {

    public static final int MAX_K = 1000;
    public static final int MAX_ITERATIONS = 100_000;

    private final int k;
    private final long seed;
    private final int maxIterations;
    private final double tolerance;
    private final boolean standardize;
    private final int parallelism;

    private KMeansConfig(Builder b) {
        this.k = b.k;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.standardize = b.standardize;
        this.parallelism = b.parallelism;
    }

    /** k = 8, seed 42, at most 300 iterations, run to a fixed point, standardised, all cores. */
    public static KMeansConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(KMeansConfig c) {
        return new Builder().k(c.k).seed(c.seed).maxIterations(c.maxIterations).tolerance(c.tolerance)
                .standardize(c.standardize).parallelism(c.parallelism);
    }

    public int k() {
        return k;
    }

    public long seed() {
        return seed;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double tolerance() {
        return tolerance;
    }

    public boolean standardize() {
        return standardize;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "KMeansConfig[k=" + k + ", seed=" + seed + ", maxIterations=" + maxIterations + ", tolerance="
                + tolerance + ", standardize=" + standardize + ", parallelism=" + parallelism + "]";
    }

    /** Builder with the defaults of {@link #ofDefaults()}; every setter checks its range. Not thread-safe. */
    public static final class Builder {
        private int k = 8;
        private long seed = 42;
        private int maxIterations = 300;
        private double tolerance;
        private boolean standardize = true;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Number of clusters, 1 to {@value KMeansConfig#MAX_K} (and at most the distinct points). */
        public Builder k(int value) {
            this.k = Checks.between(value, 1, MAX_K, "cluster.k");
            return this;
        }

        /** Seed of the k-means++ initialisation; the same seed gives the same clusters. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** 1 to {@value KMeansConfig#MAX_ITERATIONS}; default 300. */
        public Builder maxIterations(int value) {
            this.maxIterations = Checks.between(value, 1, MAX_ITERATIONS, "cluster.maxIterations");
            return this;
        }

        /**
         * Stop once no centre moves more than this (in standardised units), 0 to 1; default 0:
         * iterate until no point changes cluster.
         */
        public Builder tolerance(double value) {
            this.tolerance = Checks.between(value, 0.0, 1.0, "cluster.tolerance");
            return this;
        }

        /** Whether to z-score every column first (default true), so no feature dominates by its unit. */
        public Builder standardize(boolean value) {
            this.standardize = value;
            return this;
        }

        /** Threads, 1 to 256; default the number of processors. */
        public Builder parallelism(int value) {
            this.parallelism = Checks.between(value, 1, 256, "cluster.parallelism");
            return this;
        }

        public KMeansConfig build() {
            return new KMeansConfig(this);
        }
    }
}

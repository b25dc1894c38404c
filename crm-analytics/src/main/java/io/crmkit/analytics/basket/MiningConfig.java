package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;

/**
 * How {@link FrequentItemsetMiner} mines: the minimum support (a fraction of all baskets, or an
 * absolute count), the longest itemset, a bound on the number of itemsets, and the number of
 * threads. The result does not depend on the number of threads.
 *
 * <p>A fractional support {@code s} means "in at least {@code ceil(s * baskets)} baskets" (at least
 * one), the rule Spark's {@code FPGrowth} uses.
 *
 * <p>Immutable and thread-safe.
 */
public final class MiningConfig {

    /** Default and largest bound on the number of frequent itemsets. */
    public static final int DEFAULT_MAX_ITEMSETS = 1_000_000;
    public static final int MAX_ITEMSETS = 20_000_000;

    private final double minSupport;
    private final long minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final int parallelism;

    private MiningConfig(Builder b) {
        this.minSupport = b.minSupport;
        this.minCount = b.minCount;
        this.maxLength = b.maxLength;
        this.maxItemsets = b.maxItemsets;
        this.parallelism = b.parallelism;
    }

    /** Minimum support 1%, any length, at most {@value #DEFAULT_MAX_ITEMSETS} itemsets, all cores. */
    public static MiningConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public static Builder from(MiningConfig config) {
        Builder b = new Builder();
        b.minSupport = config.minSupport;
        b.minCount = config.minCount;
        b.maxLength = config.maxLength;
        b.maxItemsets = config.maxItemsets;
        b.parallelism = config.parallelism;
        return b;
    }

    /** The least number of baskets an itemset must be in, for a data set of {@code baskets} baskets. */
    public long minCount(long baskets) {
        if (minCount > 0) {
            return minCount;
        }
        // ceil without the rounding error of s * n landing just above an integer
        long c = (long) Math.ceil(minSupport * baskets - 1e-9 * Math.max(1, minSupport * baskets));
        return Math.max(1, c);
    }

    /** The fractional minimum support, or 0 when an absolute count was set. */
    public double minSupport() {
        return minSupport;
    }

    public int maxLength() {
        return maxLength;
    }

    public int maxItemsets() {
        return maxItemsets;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "MiningConfig[minSupport=" + minSupport + ", minCount=" + minCount + ", maxLength=" + maxLength
                + ", maxItemsets=" + maxItemsets + ", parallelism=" + parallelism + "]";
    }

    /** Builder with the defaults of {@link #ofDefaults()}; every setter checks its range. Not thread-safe. */
    public static final class Builder {
        private double minSupport = 0.01;
        private long minCount;
        private int maxLength = Baskets.MAX_ITEMS;
        private int maxItemsets = DEFAULT_MAX_ITEMSETS;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Minimum support as a fraction of all baskets, above 0 and at most 1; replaces a count. */
        public Builder minSupport(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw Checks.invalid("basket.minSupport", "Range",
                        "must be greater than 0 and at most 1 (was " + fraction + ")");
            }
            this.minSupport = fraction;
            this.minCount = 0;
            return this;
        }

        /** Minimum support as a number of baskets, at least 1; replaces a fraction. */
        public Builder minCount(long count) {
            if (count < 1) {
                throw Checks.invalid("basket.minCount", "Range", "must be at least 1 (was " + count + ")");
            }
            this.minCount = count;
            this.minSupport = 0;
            return this;
        }

        /** Longest itemset mined, 1 to 64; default 64 (no limit). */
        public Builder maxLength(int length) {
            this.maxLength = Checks.between(length, 1, Baskets.MAX_ITEMS, "basket.maxLength");
            return this;
        }

        /**
         * The most frequent itemsets a run may find, 1 to {@value MiningConfig#MAX_ITEMSETS}; a run
         * that would find more stops with an error naming {@code basket.minSupport}, since a low
         * support over many items can yield billions.
         */
        public Builder maxItemsets(int count) {
            this.maxItemsets = Checks.between(count, 1, MAX_ITEMSETS, "basket.maxItemsets");
            return this;
        }

        /** Threads, 1 to 256; default the number of processors. */
        public Builder parallelism(int threads) {
            this.parallelism = Checks.between(threads, 1, 256, "basket.parallelism");
            return this;
        }

        public MiningConfig build() {
            return new MiningConfig(this);
        }
    }
}

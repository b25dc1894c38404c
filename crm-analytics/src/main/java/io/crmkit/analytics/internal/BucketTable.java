package io.crmkit.analytics.internal;

/**
 * Counts how many of a few sorted thresholds a value passes with two table loads and one compare:
 * tables of 65,536 entries indexed by the top 16 bits of the value's order-preserving bit pattern
 * hold, per bucket, the number of thresholds every value of the bucket passes and the single
 * threshold that falls inside the bucket, if any. Only a bucket holding two or more thresholds
 * (heavily clustered data) falls back to comparing with every threshold. This replaces a chain of
 * comparisons per value in the nightly hot loops.
 *
 * <p>Values must not be NaN. Not part of the public API. Immutable and thread-safe.
 */
public final class BucketTable {

    private static final int BUCKETS = 1 << 16;

    private final byte[] base;     // thresholds wholly passed by every value of the bucket, or -1
    private final double[] pivot;  // the one threshold inside the bucket, or a never-passed sentinel
    private final double[] thresholds;
    private final boolean below;

    private BucketTable(double[] thresholds, boolean below) {
        this.thresholds = thresholds.clone();
        this.below = below;
        this.base = new byte[BUCKETS];
        this.pivot = new double[BUCKETS];
        java.util.Arrays.fill(pivot, below ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        int[] bucketOf = new int[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            bucketOf[k] = bucket(thresholds[k]);
        }
        for (int b = 0; b < BUCKETS; b++) {
            int count = 0;
            int inside = 0;
            for (int k = 0; k < bucketOf.length; k++) {
                int tb = bucketOf[k];
                if (tb == b) {
                    inside++;
                    pivot[b] = thresholds[k];
                }
                count += below ? (b < tb ? 1 : 0) : (b > tb ? 1 : 0);
            }
            base[b] = (byte) (inside > 1 ? -1 : count);
        }
    }
    /** {@link #count(double)} = number of thresholds {@code t} with {@code v > t}. */
    public static BucketTable above(double[] thresholds) {
        check(thresholds);
        return new BucketTable(thresholds, false);
    }

    /** {@link #count(double)} = number of thresholds {@code t} with {@code v < t}. */
    public static BucketTable below(double[] thresholds) {
        check(thresholds);
        return new BucketTable(thresholds, true);
    }

    private static void check(double[] thresholds) {
        if (thresholds.length > 100) {
            throw new IllegalStateException("at most 100 thresholds");
        }
        for (double t : thresholds) {
            if (Double.isNaN(t)) {
                throw new IllegalStateException("threshold is NaN");
            }
        }
    }

    static int bucket(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return (int) ((bits ^ ((bits >> 63) | Long.MIN_VALUE)) >>> 48);
    }

    /**
     * The number of thresholds the value passes: the bucket's count of thresholds wholly passed
     * plus one compare against the threshold inside the bucket (a sentinel that is never passed
     * when there is none), so the common path has no data-dependent branch.
     */
    public int count(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int b = (int) ((bits ^ ((bits >> 63) | Long.MIN_VALUE)) >>> 48);
        int c = base[b];
        if (c < 0) {
            return exact(v);
        }
        double p = pivot[b];
        return c + (below ? (v < p ? 1 : 0) : (v > p ? 1 : 0));
    }

    private int exact(double v) {
        int c = 0;
        if (below) {
            for (double t : thresholds) {
                c += v < t ? 1 : 0;
            }
        } else {
            for (double t : thresholds) {
                c += v > t ? 1 : 0;
            }
        }
        return c;
    }
}

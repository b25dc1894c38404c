package io.crmkit.core.cache;

import io.crmkit.core.check.Check;

/**
 * What one cache of a {@link CachingCrmStore} counted since it was built (all zero unless
 * {@link CacheConfig#recordStats()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hitCount reads answered from memory
 * @param missCount reads that went to the store
 * @param loadCount values read from the store and kept
 * @param evictionCount entries dropped for size or age (not counting invalidations by writes)
 */
public record CacheStats(long hitCount, long missCount, long loadCount, long evictionCount) {
    public CacheStats {
        Check.that(hitCount >= 0 && missCount >= 0 && loadCount >= 0 && evictionCount >= 0, "stats", "Min",
                "counts must not be negative");
    }

    /** Reads in total. */
    public long requestCount() {
        return hitCount + missCount;
    }

    /** The share of reads answered from memory, 0 to 1; 1 when there were no reads. */
    public double hitRate() {
        long requests = requestCount();
        return requests == 0 ? 1.0 : (double) hitCount / requests;
    }
}

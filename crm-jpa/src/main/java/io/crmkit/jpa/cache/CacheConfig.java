package io.crmkit.jpa.cache;

import io.crmkit.core.check.Check;

import java.time.Duration;

/**
 * Sizes and lifetimes of the {@link CachingCrmStore}'s caches. Build with {@link #custom()}, start
 * from {@link #ofDefaults()} or copy with {@link #from(CacheConfig)}; every setter checks its range
 * and throws {@link io.crmkit.core.error.ValidationException} whose violation names the setting.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class CacheConfig {
    private final int maximumCustomers;
    private final int maximumPipelines;
    private final Duration expireAfterWrite;
    private final boolean recordStats;

    private CacheConfig(Builder b) {
        this.maximumCustomers = b.maximumCustomers;
        this.maximumPipelines = b.maximumPipelines;
        this.expireAfterWrite = b.expireAfterWrite;
        this.recordStats = b.recordStats;
    }

    /** 10,000 customers, 1,000 pipelines, entries expire 5 minutes after they were loaded, no statistics. */
    public static CacheConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(CacheConfig other) {
        Check.notNull(other, "other");
        return custom().maximumCustomers(other.maximumCustomers).maximumPipelines(other.maximumPipelines)
                .expireAfterWrite(other.expireAfterWrite).recordStats(other.recordStats);
    }

    public int maximumCustomers() {
        return maximumCustomers;
    }

    public int maximumPipelines() {
        return maximumPipelines;
    }

    public Duration expireAfterWrite() {
        return expireAfterWrite;
    }

    public boolean recordStats() {
        return recordStats;
    }

    @Override
    public String toString() {
        return "CacheConfig[maximumCustomers=" + maximumCustomers + ", maximumPipelines=" + maximumPipelines
                + ", expireAfterWrite=" + expireAfterWrite + ", recordStats=" + recordStats + "]";
    }

    /** Builds a {@link CacheConfig}. Not thread-safe. */
    public static final class Builder {
        private int maximumCustomers = 10_000;
        private int maximumPipelines = 1_000;
        private Duration expireAfterWrite = Duration.ofMinutes(5);
        private boolean recordStats;

        private Builder() {
        }

        /** Most customers kept, 0 (no customer caching) to 10,000,000. */
        public Builder maximumCustomers(int max) {
            this.maximumCustomers = Check.range(max, 0, 10_000_000, "maximumCustomers");
            return this;
        }

        /** Most pipelines kept, 0 to 100,000. */
        public Builder maximumPipelines(int max) {
            this.maximumPipelines = Check.range(max, 0, 100_000, "maximumPipelines");
            return this;
        }

        /**
         * How long an entry may live, 1 second to 1 day. It bounds how stale an entry can be when
         * another process (or a host transaction the cache cannot see) changes the database.
         */
        public Builder expireAfterWrite(Duration ttl) {
            Check.notNull(ttl, "expireAfterWrite");
            Check.that(ttl.compareTo(Duration.ofSeconds(1)) >= 0 && ttl.compareTo(Duration.ofDays(1)) <= 0,
                    "expireAfterWrite", "Range", "must be between 1 second and 1 day");
            this.expireAfterWrite = ttl;
            return this;
        }

        /** Whether the caches count hits, misses and evictions (see {@link CachingCrmStore#stats()}). */
        public Builder recordStats(boolean record) {
            this.recordStats = record;
            return this;
        }

        public CacheConfig build() {
            return new CacheConfig(this);
        }
    }
}

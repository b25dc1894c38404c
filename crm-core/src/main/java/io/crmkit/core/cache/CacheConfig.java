package io.crmkit.core.cache;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Sizes, lifetimes and the time source of the {@link CachingCrmStore}'s caches. Build with
 * {@link #custom()}, start from {@link #ofDefaults()} or copy with {@link #from(CacheConfig)}; every
 * setter checks its range and throws {@link ValidationException} naming the setting and the rule.
 *
 * <pre>{@code
 * CacheConfig config = CacheConfig.custom().maximumCustomers(50_000).expireAfterWrite(Duration.ofMinutes(2))
 *         .recordStats(true).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class CacheConfig {
    /** The largest {@link Builder#maximumCustomers(int)}. */
    public static final int MAX_CUSTOMERS = 10_000_000;
    /** The largest {@link Builder#maximumPipelines(int)}. */
    public static final int MAX_PIPELINES = 100_000;
    private static final Duration MIN_TTL = Duration.ofSeconds(1);
    private static final Duration MAX_TTL = Duration.ofDays(1);

    private final int maximumCustomers;
    private final int maximumPipelines;
    private final Duration expireAfterWrite;
    private final boolean recordStats;
    private final LongSupplier ticker;

    private CacheConfig(Builder b) {
        this.maximumCustomers = b.maximumCustomers;
        this.maximumPipelines = b.maximumPipelines;
        this.expireAfterWrite = b.expireAfterWrite;
        this.recordStats = b.recordStats;
        this.ticker = b.ticker;
    }

    /** 10,000 customers, 1,000 pipelines, entries expire 5 minutes after they were loaded, no statistics, the JVM's nano clock. */
    public static CacheConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding every setting of {@code other}. */
    public static Builder from(CacheConfig other) {
        Check.notNull(other, "other");
        return custom().maximumCustomers(other.maximumCustomers).maximumPipelines(other.maximumPipelines)
                .expireAfterWrite(other.expireAfterWrite).recordStats(other.recordStats).ticker(other.ticker);
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

    /** The time source, in nanoseconds (only differences matter), that expiry is measured on. */
    public LongSupplier ticker() {
        return ticker;
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
        private LongSupplier ticker = System::nanoTime;

        private Builder() {}

        /** Most customers kept, 0 (no customer caching) to {@value CacheConfig#MAX_CUSTOMERS}. */
        public Builder maximumCustomers(int max) {
            this.maximumCustomers = Check.range(max, 0, MAX_CUSTOMERS, "maximumCustomers");
            return this;
        }

        /** Most pipelines kept, 0 to {@value CacheConfig#MAX_PIPELINES}. */
        public Builder maximumPipelines(int max) {
            this.maximumPipelines = Check.range(max, 0, MAX_PIPELINES, "maximumPipelines");
            return this;
        }

        /**
         * How long an entry may live, 1 second to 1 day. It bounds how stale an entry can be when
         * another process (or a host transaction the cache cannot see) changes the database.
         */
        public Builder expireAfterWrite(Duration ttl) {
            Check.notNull(ttl, "expireAfterWrite");
            Check.that(ttl.compareTo(MIN_TTL) >= 0 && ttl.compareTo(MAX_TTL) <= 0, "expireAfterWrite", "Range",
                    "must be between 1 second and 1 day");
            this.expireAfterWrite = ttl;
            return this;
        }

        /** Whether the caches count hits, misses, loads and evictions (see {@link CachingCrmStore#stats()}). */
        public Builder recordStats(boolean record) {
            this.recordStats = record;
            return this;
        }

        /**
         * The time source expiry is measured on, in nanoseconds; only differences between readings
         * matter. Tests inject a manual one to expire entries without waiting. Default: {@link System#nanoTime()}.
         */
        public Builder ticker(LongSupplier nanos) {
            this.ticker = Check.notNull(nanos, "ticker");
            return this;
        }

        public CacheConfig build() {
            return new CacheConfig(this);
        }
    }
}

package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import java.time.Clock;

/**
 * Configuration of {@link TierEngine}: the hysteresis, the clock and the parallelism.
 *
 * <p>{@link #ofDefaults()}: downgrade after 3 consecutive periods below, the UTC system clock, one
 * thread per processor. Immutable and thread-safe.
 */
public final class TierEngineConfig {

    private final int downgradeAfterPeriods;
    private final Clock clock;
    private final int parallelism;

    private TierEngineConfig(Builder b) {
        this.downgradeAfterPeriods = b.downgradeAfterPeriods;
        this.clock = b.clock;
        this.parallelism = b.parallelism;
    }

    public static TierEngineConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(TierEngineConfig base) {
        Checks.notNull(base, "base");
        return new Builder().downgradeAfterPeriods(base.downgradeAfterPeriods).clock(base.clock)
                .parallelism(base.parallelism);
    }

    /** Consecutive periods below the current tier before a downgrade; 1 means at once. */
    public int downgradeAfterPeriods() {
        return downgradeAfterPeriods;
    }

    public Clock clock() {
        return clock;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "TierEngineConfig[downgradeAfterPeriods=" + downgradeAfterPeriods + ", parallelism=" + parallelism + "]";
    }

    /** Builder of {@link TierEngineConfig}. Not thread-safe. */
    public static final class Builder {
        private int downgradeAfterPeriods = 3;
        private Clock clock = Clock.systemUTC();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** 1 to 24 periods. */
        public Builder downgradeAfterPeriods(int periods) {
            this.downgradeAfterPeriods = Checks.between(periods, 1, 24, "tier.downgradeAfterPeriods");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "tier.clock");
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = Checks.between(parallelism, 1, 256, "tier.parallelism");
            return this;
        }

        public TierEngineConfig build() {
            return new TierEngineConfig(this);
        }
    }
}

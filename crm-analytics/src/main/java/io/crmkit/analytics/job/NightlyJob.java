package io.crmkit.analytics.job;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.score.PointsScorecard;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.RfmResult;
import io.crmkit.analytics.score.ScorecardResult;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.analytics.score.ValueScoreModel;
import io.crmkit.analytics.score.ValueScoreResult;
import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierOverride;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head-office nightly run over a feature frame: RFM, value score, churn scorecard, then tiers
 * from the value score with hysteresis and overrides.
 *
 * <pre>{@code
 * NightlyResult r = NightlyJob.ofDefaults().run(frame, previousState, overrides, ProgressListener.none());
 * r.tiers().writeChanges(sink);
 * }</pre>
 *
 * <p>Progress stages: {@code rfm}, {@code value}, {@code churn}, {@code tiers}. Logs one line with
 * counts and timings at INFO (no customer data). Immutable and thread-safe; runs are independent.
 */
public final class NightlyJob {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

    private final RfmModel rfm;
    private final ValueScoreModel value;
    private final PointsScorecard churn;
    private final TierEngine tiers;

    private NightlyJob(Builder b) {
        this.rfm = b.rfm;
        this.value = b.value;
        this.churn = b.churn;
        this.tiers = b.tiers;
    }

    /**
     * Default models; tiers by percentile of the value score: top 4% PLATINUM, next 11% GOLD, next
     * 25% SILVER, the rest BRONZE; downgrade after 3 periods.
     */
    public static NightlyJob ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(NightlyJob base) {
        Checks.notNull(base, "base");
        return new Builder().rfm(base.rfm).value(base.value).churn(base.churn).tiers(base.tiers);
    }

    public TierEngine tierEngine() {
        return tiers;
    }

    /**
     * Runs all stages.
     *
     * @param previous  the tier state after the last run, aligned with the frame's rows
     * @param overrides manual tier overrides
     */
    public NightlyResult run(FeatureFrame frame, TierState previous, List<TierOverride> overrides,
                             ProgressListener progress) {
        Checks.notNull(frame, "frame");
        Checks.notNull(progress, "progress");
        Instant started = tiers.config().clock().instant();
        long t0 = System.nanoTime();
        RfmResult r = rfm.score(frame, progress);
        long t1 = System.nanoTime();
        ValueScoreResult v = value.score(frame, progress);
        long t2 = System.nanoTime();
        ScorecardResult c = churn.score(frame, progress);
        long t3 = System.nanoTime();
        TierRun t = tiers.run(frame.ids(), v.scoresView(), previous, overrides, progress);
        long t4 = System.nanoTime();
        if (LOG.isInfoEnabled()) {
            LOG.info("nightly job: {} customers, {} tier changes; rfm {} ms, value {} ms, churn {} ms, tiers {} ms",
                    frame.size(), t.changeCount(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
        }
        return new NightlyResult(r, v, c, t, started, Duration.ofNanos(t4 - t0));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Builder of {@link NightlyJob}; every part has a default. Not thread-safe. */
    public static final class Builder {
        private RfmModel rfm = RfmModel.ofDefaults();
        private ValueScoreModel value = ValueScoreModel.ofDefaults();
        private PointsScorecard churn = Scorecards.churnDefaults();
        private TierEngine tiers = TierEngine.of(PercentileTierPolicy.custom()
                .tier("PLATINUM", 0.04).tier("GOLD", 0.11).tier("SILVER", 0.25).otherwise("BRONZE").build(),
                TierEngineConfig.ofDefaults());

        private Builder() {
        }

        public Builder rfm(RfmModel model) {
            this.rfm = Checks.notNull(model, "nightly.rfm");
            return this;
        }

        public Builder value(ValueScoreModel model) {
            this.value = Checks.notNull(model, "nightly.value");
            return this;
        }

        public Builder churn(PointsScorecard scorecard) {
            this.churn = Checks.notNull(scorecard, "nightly.churn");
            return this;
        }

        public Builder tiers(TierEngine engine) {
            this.tiers = Checks.notNull(engine, "nightly.tiers");
            return this;
        }

        public NightlyJob build() {
            return new NightlyJob(this);
        }
    }
}

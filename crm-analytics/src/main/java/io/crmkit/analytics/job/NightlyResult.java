package io.crmkit.analytics.job;

import io.crmkit.analytics.score.RfmResult;
import io.crmkit.analytics.score.ScorecardResult;
import io.crmkit.analytics.score.ValueScoreResult;
import io.crmkit.analytics.tier.TierRun;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything one nightly run produced. Immutable and thread-safe.
 *
 * @param rfm     RFM scores and cells
 * @param value   value (贡献度) scores
 * @param churn   churn points, bands and reasons
 * @param tiers   tiers, the next state and the changes to write
 * @param startedAt the clock's time at the start
 * @param elapsed wall time of the run
 */
public record NightlyResult(RfmResult rfm, ValueScoreResult value, ScorecardResult churn, TierRun tiers,
                            Instant startedAt, Duration elapsed) {
}

package io.crmkit.spark.internal;

import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.analytics.tier.TierPolicy;

/**
 * A tier policy whose minimums were resolved before the run, over the whole population: for a
 * percentile policy, the order statistics a cluster selected; for a threshold policy, its
 * thresholds. The engine then runs on any batch of rows and places each row as it would in one
 * run over all of them. Equal minimums (a block of ties over two shares) and
 * {@code +Infinity} (an empty tier) are allowed, as a percentile policy produces them.
 *
 * <p>Not part of the public API. Immutable and thread-safe.
 */
public final class FixedMinimumsPolicy implements TierPolicy {

    private final TierLadder ladder;
    private final double[] minimums;

    /** @param minimums one per tier, best first, the last {@code -Infinity} */
    public FixedMinimumsPolicy(TierLadder ladder, double[] minimums) {
        if (minimums.length != ladder.size() || minimums[minimums.length - 1] != Double.NEGATIVE_INFINITY) {
            throw SparkChecks.invalid("tier.minimums", "Size", "must hold one minimum per tier, the last -Infinity");
        }
        this.ladder = ladder;
        this.minimums = minimums.clone();
    }

    @Override
    public TierLadder ladder() {
        return ladder;
    }

    @Override
    public double[] minimumScores(double[] scores) {
        return minimums.clone();
    }
}

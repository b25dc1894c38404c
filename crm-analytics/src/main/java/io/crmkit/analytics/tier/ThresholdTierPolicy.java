package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tiers by fixed score thresholds, e.g. PLATINUM from 85, GOLD from 70, SILVER from 50, else
 * BRONZE. A score equal to a threshold reaches the tier.
 *
 * <pre>{@code
 * TierPolicy p = ThresholdTierPolicy.custom()
 *     .tier("PLATINUM", 85).tier("GOLD", 70).tier("SILVER", 50).otherwise("BRONZE").build();
 * }</pre>
 * Immutable and thread-safe.
 */
public final class ThresholdTierPolicy implements TierPolicy {

    private final TierLadder ladder;
    private final double[] minimums;

    private ThresholdTierPolicy(TierLadder ladder, double[] minimums) {
        this.ladder = ladder;
        this.minimums = minimums;
    }

    public static Builder custom() {
        return new Builder();
    }

    @Override
    public TierLadder ladder() {
        return ladder;
    }

    @Override
    public double[] minimumScores(double[] scores) {
        Checks.scores(scores, "scores");
        return minimums.clone();
    }

    @Override
    public String toString() {
        return "ThresholdTierPolicy[" + ladder.codes() + ", minimums=" + Arrays.toString(minimums) + "]";
    }

    /** Builder: tiers best first with strictly decreasing finite minimums, then the fallback tier. */
    public static final class Builder {
        private final List<String> codes = new ArrayList<>();
        private final List<Double> mins = new ArrayList<>();

        private Builder() {
        }

        public Builder tier(String code, double minScore) {
            Checks.code(code, "tier.code");
            minScore = Checks.score(minScore, "tier.minScore"); // -0.0 is the threshold 0
            if (!mins.isEmpty() && minScore >= mins.get(mins.size() - 1)) {
                throw Checks.invalid("tier.minScore", "must be lower than the previous tier's ("
                        + mins.get(mins.size() - 1) + "), was " + minScore);
            }
            codes.add(code);
            mins.add(minScore);
            return this;
        }

        /** The tier of every customer below the last threshold; completes the policy. */
        public Builder otherwise(String code) {
            codes.add(Checks.code(code, "tier.code"));
            mins.add(Double.NEGATIVE_INFINITY);
            return this;
        }

        public ThresholdTierPolicy build() {
            if (mins.isEmpty() || mins.get(mins.size() - 1) != Double.NEGATIVE_INFINITY) {
                throw Checks.invalid("tier.otherwise", "must name the fallback tier last");
            }
            TierLadder ladder = TierLadder.of(codes);
            return new ThresholdTierPolicy(ladder, mins.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}

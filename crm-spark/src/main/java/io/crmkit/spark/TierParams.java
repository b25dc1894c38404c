package io.crmkit.spark;

import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.spark.internal.SparkChecks;
import java.util.function.BiConsumer;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The parameters {@link TierAssigner} and {@link TierAssignerModel} share: the score column, the
 * policy (percentile shares or fixed thresholds over a ladder of tier codes), the hysteresis, the
 * columns carrying last period's state and the manual overrides, the run time and the output
 * prefix. An empty column name means "not given": no previous tiers (everyone INITIAL), or no
 * overrides.
 */
public interface TierParams extends Params {

    /** The parameter objects of one stage, owned by it. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Param<String> scoreCol;
        final Param<String> policy;
        final StringArrayParam tierCodes;
        final DoubleArrayParam tierShares;
        final DoubleArrayParam tierMinimums;
        final IntParam downgradeAfterPeriods;
        final Param<String> previousTierCol;
        final Param<String> previousBelowCol;
        final Param<String> previousOverriddenCol;
        final Param<String> overrideTierCol;
        final Param<String> overrideExpiresCol;
        final Param<String> overrideReasonCol;
        final LongParam runAtMillis;
        final Param<String> outputPrefix;

        Set(Params o) {
            scoreCol = new Param<>(o, "scoreCol", "this period's score, e.g. value_score");
            policy = new Param<>(o, "policy", "percentile or threshold",
                    ParamValidators.inArray(new String[] {"percentile", "threshold"}));
            tierCodes = new StringArrayParam(o, "tierCodes", "tier codes, best first, the fallback tier last");
            tierShares = new DoubleArrayParam(o, "tierShares", "percentile policy: share of customers per tier but the last");
            tierMinimums = new DoubleArrayParam(o, "tierMinimums", "threshold policy: minimum score per tier but the last");
            downgradeAfterPeriods = new IntParam(o, "downgradeAfterPeriods", "consecutive periods below before a downgrade",
                    ParamValidators.inRange(1, 24));
            previousTierCol = new Param<>(o, "previousTierCol", "last period's tier code (null: none); empty: no column");
            previousBelowCol = new Param<>(o, "previousBelowCol", "last period's below-counter (int); empty: 0");
            previousOverriddenCol = new Param<>(o, "previousOverriddenCol", "whether last period's tier was an override; empty: false");
            overrideTierCol = new Param<>(o, "overrideTierCol", "manual tier (null: none); empty: no overrides");
            overrideExpiresCol = new Param<>(o, "overrideExpiresCol", "end of the override (timestamp; null: until further notice)");
            overrideReasonCol = new Param<>(o, "overrideReasonCol", "staff's reason for the override");
            runAtMillis = new LongParam(o, "runAtMillis", "the run's time, epoch milliseconds (the engine's clock)");
            outputPrefix = new Param<>(o, "outputPrefix", "prefix of the output columns");
        }
    }

    Set tierParams();

    default Param<String> scoreCol() {
        return tierParams().scoreCol;
    }

    default Param<String> policy() {
        return tierParams().policy;
    }

    default StringArrayParam tierCodes() {
        return tierParams().tierCodes;
    }

    default DoubleArrayParam tierShares() {
        return tierParams().tierShares;
    }

    default DoubleArrayParam tierMinimums() {
        return tierParams().tierMinimums;
    }

    default IntParam downgradeAfterPeriods() {
        return tierParams().downgradeAfterPeriods;
    }

    default Param<String> previousTierCol() {
        return tierParams().previousTierCol;
    }

    default Param<String> previousBelowCol() {
        return tierParams().previousBelowCol;
    }

    default Param<String> previousOverriddenCol() {
        return tierParams().previousOverriddenCol;
    }

    default Param<String> overrideTierCol() {
        return tierParams().overrideTierCol;
    }

    default Param<String> overrideExpiresCol() {
        return tierParams().overrideExpiresCol;
    }

    default Param<String> overrideReasonCol() {
        return tierParams().overrideReasonCol;
    }

    default LongParam runAtMillis() {
        return tierParams().runAtMillis;
    }

    default Param<String> outputPrefix() {
        return tierParams().outputPrefix;
    }

    default String getOutputPrefix() {
        return getOrDefault(outputPrefix());
    }

    /** The ladder of the tier codes, validated by crm-analytics. */
    default TierLadder ladder() {
        return TierLadder.of(getOrDefault(tierCodes()));
    }

    /** The percentile policy the parameters describe (policy "percentile"). */
    default PercentileTierPolicy percentilePolicy() {
        String[] codes = getOrDefault(tierCodes());
        double[] shares = getOrDefault(tierShares());
        SparkChecks.sameLength(codes.length - 1, shares.length, "tierShares");
        PercentileTierPolicy.Builder b = PercentileTierPolicy.custom();
        for (int t = 0; t < shares.length; t++) {
            b.tier(codes[t], shares[t]);
        }
        return b.otherwise(codes[codes.length - 1]).build();
    }

    /** The threshold policy the parameters describe (policy "threshold"). */
    default ThresholdTierPolicy thresholdPolicy() {
        String[] codes = getOrDefault(tierCodes());
        double[] mins = getOrDefault(tierMinimums());
        SparkChecks.sameLength(codes.length - 1, mins.length, "tierMinimums");
        ThresholdTierPolicy.Builder b = ThresholdTierPolicy.custom();
        for (int t = 0; t < mins.length; t++) {
            b.tier(codes[t], mins[t]);
        }
        return b.otherwise(codes[codes.length - 1]).build();
    }

    /** Validates the policy parameters; returns whether the policy is by percentile. */
    default boolean checkPolicy() {
        boolean percentile = "percentile".equals(getOrDefault(policy()));
        if (percentile) {
            percentilePolicy();
        } else {
            thresholdPolicy();
        }
        return percentile;
    }

    static void defaults(Set s, BiConsumer<Param<Object>, Object> setDefault) {
        setDefault.accept(cast(s.scoreCol), "value_score");
        setDefault.accept(cast(s.policy), "percentile");
        setDefault.accept(cast(s.tierCodes), new String[] {"PLATINUM", "GOLD", "SILVER", "BRONZE"});
        setDefault.accept(cast(s.tierShares), new double[] {0.04, 0.11, 0.25});
        setDefault.accept(cast(s.tierMinimums), new double[] {85, 70, 50});
        setDefault.accept(cast(s.downgradeAfterPeriods), 3);
        for (Param<String> p : java.util.List.of(s.previousTierCol, s.previousBelowCol, s.previousOverriddenCol,
                s.overrideTierCol, s.overrideExpiresCol, s.overrideReasonCol)) {
            setDefault.accept(cast(p), "");
        }
        setDefault.accept(cast(s.outputPrefix), "tier_");
    }

    @SuppressWarnings("unchecked")
    private static Param<Object> cast(Param<?> p) {
        return (Param<Object>) p;
    }
}

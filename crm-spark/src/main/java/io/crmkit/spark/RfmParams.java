package io.crmkit.spark;

import io.crmkit.analytics.feature.StandardFeatures;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameters {@link RfmScorer} and {@link RfmScorerModel} share: the three input columns, the
 * number of quantiles and the prefix of the output columns. Spark finds parameters through their
 * public accessors, so each one is a default method reading the stage's {@link Set}.
 */
public interface RfmParams extends Params {

    /** The parameter objects of one stage, owned by it (Spark checks the parent uid). */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Param<String> recencyCol;
        final Param<String> frequencyCol;
        final Param<String> monetaryCol;
        final IntParam quantiles;
        final Param<String> outputPrefix;
        final BooleanParam reasons;

        Set(Params owner) {
            recencyCol = new Param<>(owner, "recencyCol", "days since the last activity (lower is better)");
            frequencyCol = new Param<>(owner, "frequencyCol", "number of trades or purchases");
            monetaryCol = new Param<>(owner, "monetaryCol", "business by amount");
            quantiles = new IntParam(owner, "quantiles", "scores per dimension, 2 to 10", ParamValidators.inRange(2, 10));
            outputPrefix = new Param<>(owner, "outputPrefix", "prefix of the output columns");
            reasons = new BooleanParam(owner, "reasons", "whether to add the reason columns (codes and texts)");
        }
    }

    /** The stage's parameter objects. */
    Set rfmParams();

    default Param<String> recencyCol() {
        return rfmParams().recencyCol;
    }

    default Param<String> frequencyCol() {
        return rfmParams().frequencyCol;
    }

    default Param<String> monetaryCol() {
        return rfmParams().monetaryCol;
    }

    default IntParam quantiles() {
        return rfmParams().quantiles;
    }

    default Param<String> outputPrefix() {
        return rfmParams().outputPrefix;
    }

    default BooleanParam reasons() {
        return rfmParams().reasons;
    }

    default boolean getReasons() {
        return (Boolean) getOrDefault(reasons());
    }

    default String getRecencyCol() {
        return getOrDefault(recencyCol());
    }

    default String getFrequencyCol() {
        return getOrDefault(frequencyCol());
    }

    default String getMonetaryCol() {
        return getOrDefault(monetaryCol());
    }

    default int getQuantiles() {
        return (Integer) getOrDefault(quantiles());
    }

    default String getOutputPrefix() {
        return getOrDefault(outputPrefix());
    }

    /** The standard feature names of crm-analytics and {@code rfm_} outputs. */
    static void defaults(Set s, java.util.function.BiConsumer<Param<Object>, Object> setDefault) {
        setDefault.accept(cast(s.recencyCol), StandardFeatures.RECENCY_DAYS);
        setDefault.accept(cast(s.frequencyCol), StandardFeatures.FREQUENCY);
        setDefault.accept(cast(s.monetaryCol), StandardFeatures.MONETARY);
        setDefault.accept(cast(s.quantiles), 5);
        setDefault.accept(cast(s.outputPrefix), "rfm_");
        setDefault.accept(cast(s.reasons), true);
    }

    @SuppressWarnings("unchecked")
    private static Param<Object> cast(Param<?> p) {
        return (Param<Object>) p;
    }
}

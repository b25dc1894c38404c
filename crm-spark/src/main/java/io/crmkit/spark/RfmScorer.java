package io.crmkit.spark;

import io.crmkit.analytics.score.RfmModel;
import io.crmkit.spark.internal.DistributedSelection;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * RFM on Spark: {@link #fit} finds the quantile thresholds of recency, frequency and monetary
 * value over the whole DataFrame with the exact tie rule of crm-analytics'
 * {@link RfmModel} ({@code score = 1 + floor(q * c / n)}, {@code c} the customers strictly worse),
 * distributed (radix histograms per partition, added up; only the few rows of a threshold's bucket
 * travel to the driver); the {@link RfmScorerModel} it returns scores rows with the crm-analytics
 * code inside {@code mapPartitions}.
 *
 * <pre>{@code
 * Dataset<Row> scored = new RfmScorer().setQuantiles(5).fit(customers).transform(customers);
 * // adds rfm_r, rfm_f, rfm_m, rfm_score, rfm_code, rfm_cell, rfm_reasons, rfm_reason_texts
 * }</pre>
 *
 * Fit and transform each read the input: cache it when it is expensive to compute. Persisted with
 * {@code write().save(path)} and {@link #load(String)}. Not thread-safe while its parameters are
 * being set; a configured stage may be shared.
 */
public final class RfmScorer extends Estimator<RfmScorerModel> implements RfmParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Set params;

    public RfmScorer() {
        this(Stages.uid("crmRfm"));
    }

    public RfmScorer(String uid) {
        this.uid = uid;
        this.params = new Set(this);
        RfmParams.defaults(params, (p, v) -> setDefault(p, v));
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Set rfmParams() {
        return params;
    }

    public RfmScorer setRecencyCol(String column) {
        return (RfmScorer) set(recencyCol(), column);
    }

    public RfmScorer setFrequencyCol(String column) {
        return (RfmScorer) set(frequencyCol(), column);
    }

    public RfmScorer setMonetaryCol(String column) {
        return (RfmScorer) set(monetaryCol(), column);
    }

    public RfmScorer setQuantiles(int quantiles) {
        io.crmkit.analytics.score.RfmConfig.custom().quantiles(quantiles); // the engine's own check and message
        return (RfmScorer) set(quantiles(), quantiles);
    }

    /** Whether to add {@code reasons} and {@code reason_texts} (default true); scores only is cheaper. */
    public RfmScorer setReasons(boolean reasons) {
        return (RfmScorer) set(reasons(), reasons);
    }

    public RfmScorer setOutputPrefix(String prefix) {
        return (RfmScorer) set(outputPrefix(), prefix);
    }

    @Override
    public RfmScorerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        int q = getQuantiles();
        DistributedSelection.Selection sel = DistributedSelection.select(dataset,
                new String[] {getRecencyCol(), getFrequencyCol(), getMonetaryCol()},
                n -> n == 0 ? new long[3][0] : new long[][] {
                    RfmModel.thresholdRanks(n, q, true),
                    RfmModel.thresholdRanks(n, q, false),
                    RfmModel.thresholdRanks(n, q, false)});
        if (sel.rows() == 0) {
            throw io.crmkit.spark.internal.SparkChecks.invalid("dataset", "NotEmpty", "must hold at least one row to fit RFM thresholds");
        }
        RfmScorerModel model = new RfmScorerModel(uid, sel.values()[0], sel.values()[1], sel.values()[2], sel.rows());
        copyValues(model, new ParamMap());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return RfmScorerModel.outputSchema(this, schema);
    }

    @Override
    public RfmScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<RfmScorer> read() {
        return new DefaultParamsReader<>();
    }

    public static RfmScorer load(String path) {
        return read().load(path);
    }
}

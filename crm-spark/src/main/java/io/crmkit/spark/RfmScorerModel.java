package io.crmkit.spark;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.score.Reason;
import io.crmkit.analytics.score.RfmConfig;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.RfmResult;
import io.crmkit.spark.internal.Batches;
import io.crmkit.spark.internal.SparkChecks;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fitted RFM thresholds (from {@link RfmScorer}), applied row by row by crm-analytics'
 * {@link RfmModel#score(FeatureFrame, double[], double[], double[])} inside {@code mapPartitions}.
 *
 * <p>Output columns (after the prefix, default {@code rfm_}): {@code r}, {@code f}, {@code m}
 * (int 1..q), {@code score} (int, r + f + m), {@code code} (e.g. "545"), {@code cell} (the
 * {@code RfmCell} name, e.g. CHAMPIONS), {@code reasons} (array of reason codes: the cell, then R,
 * F, M) and {@code reason_texts} (the same reasons in words). Immutable once fitted; thread-safe.
 */
public final class RfmScorerModel extends Model<RfmScorerModel> implements RfmParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Set params;
    private final DoubleArrayParam recencyThresholds;
    private final DoubleArrayParam frequencyThresholds;
    private final DoubleArrayParam monetaryThresholds;
    private final LongParam fittedRows;

    /** For {@link #load(String)} and copies; a fitted model comes from {@link RfmScorer#fit}. */
    public RfmScorerModel(String uid) {
        this.uid = uid;
        this.params = new Set(this);
        RfmParams.defaults(params, (p, v) -> setDefault(p, v));
        recencyThresholds = new DoubleArrayParam(this, "recencyThresholds", "ascending-rank thresholds of recency");
        frequencyThresholds = new DoubleArrayParam(this, "frequencyThresholds", "thresholds of frequency");
        monetaryThresholds = new DoubleArrayParam(this, "monetaryThresholds", "thresholds of monetary value");
        fittedRows = new LongParam(this, "fittedRows", "rows the thresholds were found over");
    }

    RfmScorerModel(String uid, double[] recency, double[] frequency, double[] monetary, long rows) {
        this(uid);
        set(recencyThresholds, recency);
        set(frequencyThresholds, frequency);
        set(monetaryThresholds, monetary);
        set(fittedRows, rows);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Set rfmParams() {
        return params;
    }

    public DoubleArrayParam recencyThresholds() {
        return recencyThresholds;
    }

    public DoubleArrayParam frequencyThresholds() {
        return frequencyThresholds;
    }

    public DoubleArrayParam monetaryThresholds() {
        return monetaryThresholds;
    }

    public LongParam fittedRows() {
        return fittedRows;
    }

    public double[] getRecencyThresholds() {
        return getOrDefault(recencyThresholds).clone();
    }

    public double[] getFrequencyThresholds() {
        return getOrDefault(frequencyThresholds).clone();
    }

    public double[] getMonetaryThresholds() {
        return getOrDefault(monetaryThresholds).clone();
    }

    public long getFittedRows() {
        return (Long) getOrDefault(fittedRows);
    }

    public RfmScorerModel setReasons(boolean reasons) {
        return (RfmScorerModel) set(reasons(), reasons);
    }

    public RfmScorerModel setOutputPrefix(String prefix) {
        return (RfmScorerModel) set(outputPrefix(), prefix);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        StructType in = dataset.schema();
        int ri = in.fieldIndex(getRecencyCol());
        int fi = in.fieldIndex(getFrequencyCol());
        int mi = in.fieldIndex(getMonetaryCol());
        String[] names = {getRecencyCol(), getFrequencyCol(), getMonetaryCol()};
        int q = getQuantiles();
        double[] rt = getRecencyThresholds();
        double[] ft = getFrequencyThresholds();
        double[] mt = getMonetaryThresholds();
        RfmConfig.custom().quantiles(q);
        SparkChecks.sameLength(q - 1, rt.length, "recencyThresholds");
        boolean withReasons = getReasons();
        return Batches.append(dataset, out, Batches.DEFAULT_BATCH, rows -> {
            int n = rows.size();
            FeatureFrame frame = FeatureFrame.builder(n)
                    .doubles("r", Batches.doubles(rows, ri, names[0]))
                    .doubles("f", Batches.doubles(rows, fi, names[1]))
                    .doubles("m", Batches.doubles(rows, mi, names[2]))
                    .build();
            RfmModel model = RfmModel.of(RfmConfig.custom().quantiles(q).parallelism(1)
                    .recencyFeature("r").frequencyFeature("f").monetaryFeature("m").build());
            RfmResult res = model.score(frame, rt, ft, mt);
            Object[][] added = new Object[n][];
            for (int i = 0; i < n; i++) {
                Object[] row = {res.recency(i), res.frequency(i), res.monetary(i), (int) res.score(i),
                    res.rfmCode(i), res.cell(i).name(), null, null};
                if (withReasons) {
                    List<Reason> reasons = res.reasons(i);
                    row[6] = Reasons.codes(reasons);
                    row[7] = Reasons.texts(reasons);
                }
                added[i] = withReasons ? row : java.util.Arrays.copyOf(row, 6);
            }
            return added;
        });
    }

    static StructType outputSchema(RfmParams p, StructType schema) {
        SparkChecks.numericColumn(schema, p.getRecencyCol(), "recencyCol");
        SparkChecks.numericColumn(schema, p.getFrequencyCol(), "frequencyCol");
        SparkChecks.numericColumn(schema, p.getMonetaryCol(), "monetaryCol");
        String x = p.getOutputPrefix();
        String[] names = {"r", "f", "m", "score", "code", "cell", "reasons", "reason_texts"};
        for (String s : names) {
            SparkChecks.absent(schema, x + s, "outputPrefix");
        }
        StructType scores = Stages.append(schema,
                Stages.field(x + "r", DataTypes.IntegerType, false),
                Stages.field(x + "f", DataTypes.IntegerType, false),
                Stages.field(x + "m", DataTypes.IntegerType, false),
                Stages.field(x + "score", DataTypes.IntegerType, false),
                Stages.field(x + "code", DataTypes.StringType, false),
                Stages.field(x + "cell", DataTypes.StringType, false));
        if (!p.getReasons()) {
            return scores;
        }
        return Stages.append(schema,
                Stages.field(x + "r", DataTypes.IntegerType, false),
                Stages.field(x + "f", DataTypes.IntegerType, false),
                Stages.field(x + "m", DataTypes.IntegerType, false),
                Stages.field(x + "score", DataTypes.IntegerType, false),
                Stages.field(x + "code", DataTypes.StringType, false),
                Stages.field(x + "cell", DataTypes.StringType, false),
                Stages.field(x + "reasons", Stages.strings(), false),
                Stages.field(x + "reason_texts", Stages.strings(), false));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(this, schema);
    }

    @Override
    public RfmScorerModel copy(ParamMap extra) {
        RfmScorerModel copy = defaultCopy(extra);
        return copy.setParent(parent());
    }

    public static MLReader<RfmScorerModel> read() {
        return new DefaultParamsReader<>();
    }

    public static RfmScorerModel load(String path) {
        return read().load(path);
    }
}

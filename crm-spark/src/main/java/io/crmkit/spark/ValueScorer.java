package io.crmkit.spark;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.score.Reason;
import io.crmkit.analytics.score.ValueComponent;
import io.crmkit.analytics.score.ValueScoreConfig;
import io.crmkit.analytics.score.ValueScoreModel;
import io.crmkit.analytics.score.ValueScoreResult;
import io.crmkit.spark.internal.Batches;
import io.crmkit.spark.internal.SparkChecks;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The value / contribution score (贡献度) of crm-analytics' {@link ValueScoreModel} on Spark: a
 * weighted sum of capped components rescaled to 0..100, computed row by row by the crm-analytics
 * code inside {@code mapPartitions}. Needs no global step, so it is a plain transformer.
 *
 * <p>Components are five parallel array parameters (codes, columns, weights, caps, labels), so the
 * stage is configurable from PySpark; from Java, {@link #setConfig(ValueScoreConfig)} fills them
 * from a validated configuration (each component's feature names its column). Outputs (after the
 * prefix, default {@code value_}): {@code score} (double), {@code label} (high / medium / low),
 * {@code reasons} and {@code reason_texts} (the two components that earned most). Thread-safe once
 * configured.
 */
public final class ValueScorer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final StringArrayParam componentCodes;
    private final StringArrayParam componentCols;
    private final DoubleArrayParam componentWeights;
    private final DoubleArrayParam componentCaps;
    private final StringArrayParam componentLabels;
    private final Param<String> outputPrefix;
    private final BooleanParam reasons;

    public ValueScorer() {
        this(Stages.uid("crmValue"));
    }

    public ValueScorer(String uid) {
        this.uid = uid;
        componentCodes = new StringArrayParam(this, "componentCodes", "reason code per component");
        componentCols = new StringArrayParam(this, "componentCols", "input column per component");
        componentWeights = new DoubleArrayParam(this, "componentWeights", "weight per component, > 0");
        componentCaps = new DoubleArrayParam(this, "componentCaps", "value earning full points, per component");
        componentLabels = new StringArrayParam(this, "componentLabels", "words per component");
        outputPrefix = new Param<>(this, "outputPrefix", "prefix of the output columns");
        reasons = new BooleanParam(this, "reasons", "whether to add the reason columns (codes and texts)");
        setDefault(reasons, true);
        setDefault(outputPrefix, "value_");
        setConfig(ValueScoreConfig.ofDefaults());
    }

    @Override
    public String uid() {
        return uid;
    }

    public StringArrayParam componentCodes() {
        return componentCodes;
    }

    public StringArrayParam componentCols() {
        return componentCols;
    }

    public DoubleArrayParam componentWeights() {
        return componentWeights;
    }

    public DoubleArrayParam componentCaps() {
        return componentCaps;
    }

    public StringArrayParam componentLabels() {
        return componentLabels;
    }

    public BooleanParam reasons() {
        return reasons;
    }

    /** Whether to add {@code reasons} and {@code reason_texts} (default true); scores only is cheaper. */
    public ValueScorer setReasons(boolean withReasons) {
        return (ValueScorer) set(reasons, withReasons);
    }

    public Param<String> outputPrefix() {
        return outputPrefix;
    }

    public String getOutputPrefix() {
        return getOrDefault(outputPrefix);
    }

    public ValueScorer setOutputPrefix(String prefix) {
        return (ValueScorer) set(outputPrefix, prefix);
    }

    /** Takes the components of {@code config}; each component's feature is the column it reads. */
    public ValueScorer setConfig(ValueScoreConfig config) {
        List<ValueComponent> comps = config.components();
        int k = comps.size();
        String[] codes = new String[k];
        String[] cols = new String[k];
        double[] weights = new double[k];
        double[] caps = new double[k];
        String[] labels = new String[k];
        for (int j = 0; j < k; j++) {
            ValueComponent c = comps.get(j);
            codes[j] = c.code();
            cols[j] = c.feature();
            weights[j] = c.weight();
            caps[j] = c.cap();
            labels[j] = c.label();
        }
        set(componentCodes, codes);
        set(componentCols, cols);
        set(componentWeights, weights);
        set(componentCaps, caps);
        return (ValueScorer) set(componentLabels, labels);
    }

    /** The configuration the parameters describe, validated by crm-analytics (features c0, c1, ...). */
    public ValueScoreConfig toConfig() {
        return spec().config();
    }

    private Spec spec() {
        String[] codes = getOrDefault(componentCodes);
        String[] cols = getOrDefault(componentCols);
        double[] weights = getOrDefault(componentWeights);
        double[] caps = getOrDefault(componentCaps);
        String[] labels = getOrDefault(componentLabels);
        SparkChecks.sameLength(codes.length, cols.length, "componentCols");
        SparkChecks.sameLength(codes.length, weights.length, "componentWeights");
        SparkChecks.sameLength(codes.length, caps.length, "componentCaps");
        SparkChecks.sameLength(codes.length, labels.length, "componentLabels");
        Spec s = new Spec(codes, cols, weights, caps, labels);
        s.config(); // validates now, on the driver
        return s;
    }

    /** The serialisable description of the components; builds the engine where it runs. */
    private record Spec(String[] codes, String[] cols, double[] weights, double[] caps, String[] labels)
            implements java.io.Serializable {
        ValueScoreConfig config() {
            ValueScoreConfig.Builder b = ValueScoreConfig.custom().parallelism(1);
            for (int j = 0; j < codes.length; j++) {
                b.component(new ValueComponent(codes[j], "c" + j, weights[j], caps[j], labels[j]));
            }
            return b.build();
        }
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Spec spec = spec();
        StructType in = dataset.schema();
        int[] idx = new int[spec.cols.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = in.fieldIndex(spec.cols[j]);
        }
        boolean withReasons = (Boolean) getOrDefault(reasons);
        return Batches.append(dataset, out, Batches.DEFAULT_BATCH, rows -> {
            int n = rows.size();
            FeatureFrame.Builder fb = FeatureFrame.builder(n);
            for (int j = 0; j < idx.length; j++) {
                fb.doubles("c" + j, Batches.doubles(rows, idx[j], spec.cols[j]));
            }
            ValueScoreResult res = ValueScoreModel.of(spec.config()).score(fb.build());
            Object[][] added = new Object[n][];
            for (int i = 0; i < n; i++) {
                if (withReasons) {
                    List<Reason> why = res.reasons(i);
                    added[i] = new Object[] {res.score(i), res.label(i), Reasons.codes(why), Reasons.texts(why)};
                } else {
                    added[i] = new Object[] {res.score(i), res.label(i)};
                }
            }
            return added;
        });
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Spec spec = spec();
        for (String c : spec.cols) {
            SparkChecks.numericColumn(schema, c, "componentCols");
        }
        String x = getOutputPrefix();
        for (String s : new String[] {"score", "label", "reasons", "reason_texts"}) {
            SparkChecks.absent(schema, x + s, "outputPrefix");
        }
        if (!(Boolean) getOrDefault(reasons)) {
            return Stages.append(schema,
                    Stages.field(x + "score", DataTypes.DoubleType, false),
                    Stages.field(x + "label", DataTypes.StringType, false));
        }
        return Stages.append(schema,
                Stages.field(x + "score", DataTypes.DoubleType, false),
                Stages.field(x + "label", DataTypes.StringType, false),
                Stages.field(x + "reasons", Stages.strings(), false),
                Stages.field(x + "reason_texts", Stages.strings(), false));
    }

    @Override
    public ValueScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<ValueScorer> read() {
        return new DefaultParamsReader<>();
    }

    public static ValueScorer load(String path) {
        return read().load(path);
    }
}

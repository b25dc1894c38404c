package io.crmkit.spark;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.score.Comparison;
import io.crmkit.analytics.score.PointsScorecard;
import io.crmkit.analytics.score.Reason;
import io.crmkit.analytics.score.ScorecardResult;
import io.crmkit.analytics.score.ScorecardRule;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.spark.internal.Batches;
import io.crmkit.spark.internal.SparkChecks;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.IntArrayParam;
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
 * A points scorecard of crm-analytics ({@link PointsScorecard}: churn risk, lead grades, or any host
 * scorecard) on Spark, scored row by row by the crm-analytics code inside {@code mapPartitions}.
 *
 * <p>Rules and bands are parallel array parameters (PySpark-friendly); from Java,
 * {@link #setScorecard(PointsScorecard)} fills them from a validated scorecard (each rule's feature
 * names its column) and sets the output prefix to the scorecard's name and {@code _}. Defaults to
 * {@link Scorecards#churnDefaults()}. Outputs: {@code points} (int), {@code band} (e.g. HIGH),
 * {@code reasons} (array of the codes of the rules that held, most points first, or NO_FACTOR) and
 * {@code reason_texts}. Thread-safe once configured.
 */
public final class ScorecardScorer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Param<String> scorecardName;
    private final StringArrayParam ruleCodes;
    private final StringArrayParam ruleCols;
    private final StringArrayParam ruleComparisons;
    private final DoubleArrayParam ruleThresholds;
    private final IntArrayParam rulePoints;
    private final StringArrayParam ruleTexts;
    private final StringArrayParam bandLabels;
    private final IntArrayParam bandFrom;
    private final Param<String> outputPrefix;
    private final BooleanParam reasons;

    public ScorecardScorer() {
        this(Stages.uid("crmScorecard"));
    }

    public ScorecardScorer(String uid) {
        this.uid = uid;
        scorecardName = new Param<>(this, "scorecardName", "lower-case name, e.g. churn");
        ruleCodes = new StringArrayParam(this, "ruleCodes", "reason code per rule");
        ruleCols = new StringArrayParam(this, "ruleCols", "input column per rule");
        ruleComparisons = new StringArrayParam(this, "ruleComparisons", "LESS_THAN, AT_MOST, GREATER_THAN or AT_LEAST per rule");
        ruleThresholds = new DoubleArrayParam(this, "ruleThresholds", "threshold per rule");
        rulePoints = new IntArrayParam(this, "rulePoints", "points per rule, 1 to 1000");
        ruleTexts = new StringArrayParam(this, "ruleTexts", "reason words per rule");
        bandLabels = new StringArrayParam(this, "bandLabels", "band labels, lowest points first");
        bandFrom = new IntArrayParam(this, "bandFrom", "lowest points of each band, the first 0");
        outputPrefix = new Param<>(this, "outputPrefix", "prefix of the output columns");
        reasons = new BooleanParam(this, "reasons", "whether to add the reason columns (codes and texts)");
        setDefault(reasons, true);
        setScorecard(Scorecards.churnDefaults());
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> scorecardName() {
        return scorecardName;
    }

    public StringArrayParam ruleCodes() {
        return ruleCodes;
    }

    public StringArrayParam ruleCols() {
        return ruleCols;
    }

    public StringArrayParam ruleComparisons() {
        return ruleComparisons;
    }

    public DoubleArrayParam ruleThresholds() {
        return ruleThresholds;
    }

    public IntArrayParam rulePoints() {
        return rulePoints;
    }

    public StringArrayParam ruleTexts() {
        return ruleTexts;
    }

    public StringArrayParam bandLabels() {
        return bandLabels;
    }

    public IntArrayParam bandFrom() {
        return bandFrom;
    }

    public BooleanParam reasons() {
        return reasons;
    }

    /** Whether to add {@code reasons} and {@code reason_texts} (default true); scores only is cheaper. */
    public ScorecardScorer setReasons(boolean withReasons) {
        return (ScorecardScorer) set(reasons, withReasons);
    }

    public Param<String> outputPrefix() {
        return outputPrefix;
    }

    public String getOutputPrefix() {
        return getOrDefault(outputPrefix);
    }

    public ScorecardScorer setOutputPrefix(String prefix) {
        return (ScorecardScorer) set(outputPrefix, prefix);
    }

    /** Takes the rules and bands of {@code card}; output prefix {@code <name>_}. */
    public ScorecardScorer setScorecard(PointsScorecard card) {
        List<ScorecardRule> rules = card.rules();
        int k = rules.size();
        String[] codes = new String[k];
        String[] cols = new String[k];
        String[] cmps = new String[k];
        double[] thresholds = new double[k];
        int[] points = new int[k];
        String[] texts = new String[k];
        for (int j = 0; j < k; j++) {
            ScorecardRule r = rules.get(j);
            codes[j] = r.code();
            cols[j] = r.feature();
            cmps[j] = r.comparison().name();
            thresholds[j] = r.threshold();
            points[j] = r.points();
            texts[j] = r.text();
        }
        int[] from = new int[card.bands().size()];
        for (int b = 0; b < from.length; b++) {
            from[b] = card.bandFrom(b);
        }
        set(scorecardName, card.name());
        set(ruleCodes, codes);
        set(ruleCols, cols);
        set(ruleComparisons, cmps);
        set(ruleThresholds, thresholds);
        set(rulePoints, points);
        set(ruleTexts, texts);
        set(bandLabels, card.bands().toArray(new String[0]));
        set(bandFrom, from);
        return (ScorecardScorer) set(outputPrefix, card.name() + "_");
    }

    /** The scorecard the parameters describe, validated by crm-analytics (features c0, c1, ...). */
    public PointsScorecard toScorecard() {
        return spec().card();
    }

    private Spec spec() {
        Spec s = new Spec(getOrDefault(scorecardName), getOrDefault(ruleCodes), getOrDefault(ruleCols),
                getOrDefault(ruleComparisons), getOrDefault(ruleThresholds), getOrDefault(rulePoints),
                getOrDefault(ruleTexts), getOrDefault(bandLabels), getOrDefault(bandFrom));
        int k = s.codes.length;
        SparkChecks.sameLength(k, s.cols.length, "ruleCols");
        SparkChecks.sameLength(k, s.cmps.length, "ruleComparisons");
        SparkChecks.sameLength(k, s.thresholds.length, "ruleThresholds");
        SparkChecks.sameLength(k, s.points.length, "rulePoints");
        SparkChecks.sameLength(k, s.texts.length, "ruleTexts");
        SparkChecks.sameLength(s.bands.length, s.from.length, "bandFrom");
        s.card();
        return s;
    }

    private record Spec(String name, String[] codes, String[] cols, String[] cmps, double[] thresholds, int[] points,
                        String[] texts, String[] bands, int[] from) implements java.io.Serializable {
        PointsScorecard card() {
            PointsScorecard.Builder b = PointsScorecard.custom().name(name).parallelism(1);
            for (int j = 0; j < codes.length; j++) {
                b.rule(new ScorecardRule(codes[j], "c" + j, comparison(cmps[j]), thresholds[j], points[j], texts[j]));
            }
            for (int i = 0; i < bands.length; i++) {
                b.band(bands[i], from[i]);
            }
            return b.build();
        }

        private static Comparison comparison(String name) {
            for (Comparison c : Comparison.values()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            throw SparkChecks.invalid("ruleComparisons", "OneOf", "must be one of LESS_THAN, AT_MOST, GREATER_THAN, AT_LEAST");
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
            ScorecardResult res = spec.card().score(fb.build());
            Object[][] added = new Object[n][];
            for (int i = 0; i < n; i++) {
                if (withReasons) {
                    List<Reason> why = res.reasons(i);
                    added[i] = new Object[] {res.points(i), res.label(i), Reasons.codes(why), Reasons.texts(why)};
                } else {
                    added[i] = new Object[] {res.points(i), res.label(i)};
                }
            }
            return added;
        });
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Spec spec = spec();
        for (String c : spec.cols) {
            SparkChecks.numericColumn(schema, c, "ruleCols");
        }
        String x = getOutputPrefix();
        for (String s : new String[] {"points", "band", "reasons", "reason_texts"}) {
            SparkChecks.absent(schema, x + s, "outputPrefix");
        }
        if (!(Boolean) getOrDefault(reasons)) {
            return Stages.append(schema,
                    Stages.field(x + "points", DataTypes.IntegerType, false),
                    Stages.field(x + "band", DataTypes.StringType, false));
        }
        return Stages.append(schema,
                Stages.field(x + "points", DataTypes.IntegerType, false),
                Stages.field(x + "band", DataTypes.StringType, false),
                Stages.field(x + "reasons", Stages.strings(), false),
                Stages.field(x + "reason_texts", Stages.strings(), false));
    }

    @Override
    public ScorecardScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<ScorecardScorer> read() {
        return new DefaultParamsReader<>();
    }

    public static ScorecardScorer load(String path) {
        return read().load(path);
    }
}

package io.crmkit.spark;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.analytics.tier.TierOverride;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import io.crmkit.spark.internal.Batches;
import io.crmkit.spark.internal.FixedMinimumsPolicy;
import io.crmkit.spark.internal.SparkChecks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Fitted tier minimums (from {@link TierAssigner}) and crm-analytics' {@link TierEngine} run on
 * every batch of rows: hysteresis and overrides are per customer, so a batch placed against the
 * population's minimums gives what one run over all customers gives.
 *
 * <p>Output columns (after the prefix, default {@code tier_}): {@code code} (the tier after this
 * period), {@code below} (the below-counter to carry), {@code overridden} (whether the tier is an
 * override), {@code reason} (a {@code TierChangeReason} name), {@code changed} and {@code detail}
 * (the change in words, null when unchanged). Feed {@code code}, {@code below} and
 * {@code overridden} back as the previous-state columns of the next period. Thread-safe once fitted.
 */
public final class TierAssignerModel extends Model<TierAssignerModel> implements TierParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Set params;
    private final DoubleArrayParam fittedMinimums;
    private final LongParam fittedRows;

    /** For {@link #load(String)} and copies; a fitted model comes from {@link TierAssigner#fit}. */
    public TierAssignerModel(String uid) {
        this.uid = uid;
        this.params = new Set(this);
        TierParams.defaults(params, (p, v) -> setDefault(p, v));
        fittedMinimums = new DoubleArrayParam(this, "fittedMinimums",
                "minimum score per tier but the fallback, best first (+Infinity: the tier holds no customer)");
        fittedRows = new LongParam(this, "fittedRows", "rows the minimums were found over (-1 for thresholds)");
    }

    TierAssignerModel(String uid, double[] minimums, long rows) {
        this(uid);
        set(fittedMinimums, minimums);
        set(fittedRows, rows);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Set tierParams() {
        return params;
    }

    public DoubleArrayParam fittedMinimums() {
        return fittedMinimums;
    }

    public LongParam fittedRows() {
        return fittedRows;
    }

    /** Minimum score per tier, best first, the fallback's {@code -Infinity} last. */
    public double[] getMinimums() {
        double[] m = getOrDefault(fittedMinimums);
        double[] out = java.util.Arrays.copyOf(m, m.length + 1);
        out[m.length] = Double.NEGATIVE_INFINITY;
        return out;
    }

    public TierAssignerModel setPreviousStateCols(String tierCol, String belowCol, String overriddenCol) {
        set(previousTierCol(), tierCol);
        set(previousBelowCol(), belowCol);
        return (TierAssignerModel) set(previousOverriddenCol(), overriddenCol);
    }

    public TierAssignerModel setOverrideCols(String tierCol, String expiresCol, String reasonCol) {
        set(overrideTierCol(), tierCol);
        set(overrideExpiresCol(), expiresCol);
        return (TierAssignerModel) set(overrideReasonCol(), reasonCol);
    }

    public TierAssignerModel setRunAtMillis(long millis) {
        return (TierAssignerModel) set(runAtMillis(), millis);
    }

    public TierAssignerModel setOutputPrefix(String prefix) {
        return (TierAssignerModel) set(outputPrefix(), prefix);
    }

    /** Column positions and fixed settings, shipped to the executors. */
    private record Spec(String[] codes, double[] minimums, int downgradeAfter, long runAt, int score, String scoreName,
                        int prevTier, String prevTierName, int prevBelow, String prevBelowName, int prevOverridden,
                        int ovTier, int ovExpires, int ovReason) implements java.io.Serializable {
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        StructType in = dataset.schema();
        if (!isDefined(runAtMillis())) {
            throw SparkChecks.invalid("runAtMillis", "NotNull", "must be set (the run's time)");
        }
        Spec spec = new Spec(getOrDefault(tierCodes()), getMinimums(), (Integer) getOrDefault(downgradeAfterPeriods()),
                (Long) getOrDefault(runAtMillis()),
                in.fieldIndex(getOrDefault(scoreCol())), getOrDefault(scoreCol()),
                index(in, previousTierCol()), getOrDefault(previousTierCol()),
                index(in, previousBelowCol()), getOrDefault(previousBelowCol()), index(in, previousOverriddenCol()),
                index(in, overrideTierCol()), index(in, overrideExpiresCol()), index(in, overrideReasonCol()));
        new FixedMinimumsPolicy(ladder(), spec.minimums);
        return Batches.append(dataset, out, Batches.DEFAULT_BATCH, rows -> apply(spec, rows));
    }

    private int index(StructType in, org.apache.spark.ml.param.Param<String> p) {
        String c = getOrDefault(p);
        return c.isEmpty() ? -1 : in.fieldIndex(c);
    }

    private static Object[][] apply(Spec s, List<Row> rows) {
        int n = rows.size();
        TierLadder ladder = TierLadder.of(s.codes);
        double[] scores = Batches.doubles(rows, s.score, s.scoreName);
        int[] tiers = new int[n];
        int[] below = new int[n];
        boolean[] overridden = new boolean[n];
        List<TierOverride> overrides = new ArrayList<>();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = i;
            tiers[i] = s.prevTier < 0 || r.isNullAt(s.prevTier) ? -1
                    : ladder.indexOf(r.getString(s.prevTier), "column '" + s.prevTierName + "'");
            if (s.prevBelow >= 0 && !r.isNullAt(s.prevBelow)) {
                below[i] = ((Number) r.get(s.prevBelow)).intValue();
                if (below[i] < 0 || below[i] > 127) {
                    throw SparkChecks.invalid("column '" + s.prevBelowName + "'", "Range", "must be between 0 and 127");
                }
            }
            overridden[i] = s.prevOverridden >= 0 && !r.isNullAt(s.prevOverridden) && r.getBoolean(s.prevOverridden);
            if (s.ovTier >= 0 && !r.isNullAt(s.ovTier)) {
                Instant until = s.ovExpires < 0 || r.isNullAt(s.ovExpires) ? Instant.MAX : instant(r.get(s.ovExpires));
                String why = s.ovReason < 0 || r.isNullAt(s.ovReason) ? "manual override" : r.getString(s.ovReason);
                overrides.add(new TierOverride(i, r.getString(s.ovTier), until, why));
            }
        }
        TierEngineConfig config = TierEngineConfig.custom().downgradeAfterPeriods(s.downgradeAfter)
                .clock(Clock.fixed(Instant.ofEpochMilli(s.runAt), ZoneOffset.UTC)).parallelism(1).build();
        TierRun run = TierEngine.of(new FixedMinimumsPolicy(ladder, s.minimums), config)
                .run(ids, scores, TierState.of(tiers, below, overridden), overrides, ProgressListener.none());
        String[] detail = new String[n];
        run.writeChanges(c -> detail[(int) c.customerId()] = c.detail());
        TierState next = run.nextState();
        Object[][] added = new Object[n][];
        for (int i = 0; i < n; i++) {
            added[i] = new Object[] {run.tier(i), next.belowPeriods(i), next.overridden(i), run.reason(i).name(),
                run.reason(i).isChange(), detail[i]};
        }
        return added;
    }

    private static Instant instant(Object o) {
        return o instanceof java.sql.Timestamp ? ((java.sql.Timestamp) o).toInstant() : (Instant) o;
    }

    static StructType outputSchema(TierParams p, StructType schema) {
        p.checkPolicy();
        SparkChecks.numericColumn(schema, p.getOrDefault(p.scoreCol()), "scoreCol");
        optional(p, p.previousTierCol(), c -> SparkChecks.stringColumn(schema, c, "previousTierCol"));
        optional(p, p.previousBelowCol(), c -> SparkChecks.numericColumn(schema, c, "previousBelowCol"));
        optional(p, p.previousOverriddenCol(), c -> SparkChecks.booleanColumn(schema, c, "previousOverriddenCol"));
        optional(p, p.overrideTierCol(), c -> SparkChecks.stringColumn(schema, c, "overrideTierCol"));
        optional(p, p.overrideExpiresCol(), c -> SparkChecks.timestampColumn(schema, c, "overrideExpiresCol"));
        optional(p, p.overrideReasonCol(), c -> SparkChecks.stringColumn(schema, c, "overrideReasonCol"));
        String x = p.getOutputPrefix();
        for (String s : new String[] {"code", "below", "overridden", "reason", "changed", "detail"}) {
            SparkChecks.absent(schema, x + s, "outputPrefix");
        }
        return Stages.append(schema,
                Stages.field(x + "code", DataTypes.StringType, false),
                Stages.field(x + "below", DataTypes.IntegerType, false),
                Stages.field(x + "overridden", DataTypes.BooleanType, false),
                Stages.field(x + "reason", DataTypes.StringType, false),
                Stages.field(x + "changed", DataTypes.BooleanType, false),
                Stages.field(x + "detail", DataTypes.StringType, true));
    }

    private static void optional(TierParams p, org.apache.spark.ml.param.Param<String> param,
                                 java.util.function.Consumer<String> check) {
        String c = p.getOrDefault(param);
        if (!c.isEmpty()) {
            check.accept(c);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(this, schema);
    }

    @Override
    public TierAssignerModel copy(ParamMap extra) {
        TierAssignerModel copy = defaultCopy(extra);
        return copy.setParent(parent());
    }

    public static MLReader<TierAssignerModel> read() {
        return new DefaultParamsReader<>();
    }

    public static TierAssignerModel load(String path) {
        return read().load(path);
    }
}

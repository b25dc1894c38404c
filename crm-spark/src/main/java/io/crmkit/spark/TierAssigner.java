package io.crmkit.spark;

import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.spark.internal.DistributedSelection;
import java.time.Clock;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Tiering on Spark with crm-analytics' hysteresis rule. {@link #fit} resolves the tier minimums
 * over the whole DataFrame: for a percentile policy the exact order statistics of the scores at
 * the ranks {@link PercentileTierPolicy#minimumRanks(long)} names (equal scores share a tier), for a
 * threshold policy its thresholds. The {@link TierAssignerModel} then runs crm-analytics'
 * {@code TierEngine} on every batch of rows inside {@code mapPartitions}, the state of the last
 * period coming in as columns and the next state going out as columns.
 *
 * <pre>{@code
 * TierAssigner tiers = new TierAssigner().setPercentiles(new String[] {"PLATINUM", "GOLD", "SILVER", "BRONZE"},
 *         new double[] {0.04, 0.11, 0.25}).setPreviousStateCols("previous_tier", "previous_below", "previous_overridden");
 * Dataset<Row> tiered = tiers.fit(scored).transform(scored);   // tier_code, tier_below, tier_overridden, tier_reason, ...
 * }</pre>
 * Not thread-safe while its parameters are being set.
 */
public final class TierAssigner extends Estimator<TierAssignerModel> implements TierParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Set params;
    private Clock clock = Clock.systemUTC();

    public TierAssigner() {
        this(Stages.uid("crmTier"));
    }

    public TierAssigner(String uid) {
        this.uid = uid;
        this.params = new Set(this);
        TierParams.defaults(params, (p, v) -> setDefault(p, v));
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Set tierParams() {
        return params;
    }

    public TierAssigner setScoreCol(String column) {
        return (TierAssigner) set(scoreCol(), column);
    }

    /** A percentile policy: codes best first (the fallback last), one share per tier but the last. */
    public TierAssigner setPercentiles(String[] codes, double[] shares) {
        set(policy(), "percentile");
        set(tierCodes(), codes.clone());
        set(tierShares(), shares.clone());
        percentilePolicy();
        return this;
    }

    /** A threshold policy: codes best first (the fallback last), one minimum per tier but the last. */
    public TierAssigner setThresholds(String[] codes, double[] minimums) {
        set(policy(), "threshold");
        set(tierCodes(), codes.clone());
        set(tierMinimums(), minimums.clone());
        thresholdPolicy();
        return this;
    }

    public TierAssigner setDowngradeAfterPeriods(int periods) {
        io.crmkit.analytics.tier.TierEngineConfig.custom().downgradeAfterPeriods(periods);
        return (TierAssigner) set(downgradeAfterPeriods(), periods);
    }

    /** The columns of last period's state: tier code, below-counter, overridden flag. */
    public TierAssigner setPreviousStateCols(String tierCol, String belowCol, String overriddenCol) {
        set(previousTierCol(), tierCol);
        set(previousBelowCol(), belowCol);
        return (TierAssigner) set(previousOverriddenCol(), overriddenCol);
    }

    /** The columns of the manual overrides: tier code (null: none), expiry timestamp, reason. */
    public TierAssigner setOverrideCols(String tierCol, String expiresCol, String reasonCol) {
        set(overrideTierCol(), tierCol);
        set(overrideExpiresCol(), expiresCol);
        return (TierAssigner) set(overrideReasonCol(), reasonCol);
    }

    /** The clock whose instant at {@link #fit} becomes the run time, unless runAtMillis is set. */
    public TierAssigner setClock(Clock clock) {
        this.clock = io.crmkit.analytics.tier.TierEngineConfig.custom().clock(clock).build().clock();
        return this;
    }

    public TierAssigner setRunAtMillis(long millis) {
        return (TierAssigner) set(runAtMillis(), millis);
    }

    public TierAssigner setOutputPrefix(String prefix) {
        return (TierAssigner) set(outputPrefix(), prefix);
    }

    @Override
    public TierAssignerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        int k = ladder().size() - 1;
        double[] mins = new double[k];
        long rows = -1;
        if (checkPolicy()) {
            PercentileTierPolicy p = percentilePolicy();
            DistributedSelection.Selection sel = DistributedSelection.select(dataset, new String[] {getOrDefault(scoreCol())},
                    n -> new long[][] {p.minimumRanks(n)});
            rows = sel.rows();
            for (int t = 0; t < k; t++) {
                double v = sel.values()[0][t];
                mins[t] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v; // NaN: the tier holds no customer
            }
        } else {
            ThresholdTierPolicy p = thresholdPolicy();
            System.arraycopy(p.minimumScores(new double[0]), 0, mins, 0, k);
        }
        TierAssignerModel model = new TierAssignerModel(uid, mins, rows);
        copyValues(model, new ParamMap());
        if (!isDefined(runAtMillis())) {
            model.set(model.runAtMillis(), clock.millis());
        }
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return TierAssignerModel.outputSchema(this, schema);
    }

    @Override
    public TierAssigner copy(ParamMap extra) {
        TierAssigner copy = defaultCopy(extra);
        copy.clock = clock;
        return copy;
    }

    public static MLReader<TierAssigner> read() {
        return new DefaultParamsReader<>();
    }

    public static TierAssigner load(String path) {
        return read().load(path);
    }
}

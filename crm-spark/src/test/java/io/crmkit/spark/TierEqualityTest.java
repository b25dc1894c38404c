package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierChange;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierOverride;
import io.crmkit.analytics.tier.TierPolicy;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tiers over several periods, in memory and on Spark with the state carried as columns, agree row for row. */
class TierEqualityTest {

    private static final int N = 2_000;
    private static final String[] CODES = {"PLATINUM", "GOLD", "SILVER", "BRONZE"};
    private static final Instant START = Instant.parse("2026-01-31T22:00:00Z");
    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    private static StructType schema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("score", DataTypes.DoubleType, false),
                DataTypes.createStructField("previous_tier", DataTypes.StringType, true),
                DataTypes.createStructField("previous_below", DataTypes.IntegerType, false),
                DataTypes.createStructField("previous_overridden", DataTypes.BooleanType, false),
                DataTypes.createStructField("override_tier", DataTypes.StringType, true),
                DataTypes.createStructField("override_expires", DataTypes.TimestampType, true),
                DataTypes.createStructField("override_reason", DataTypes.StringType, true)));
    }

    @Test
    @DisplayName("percentile tiers with hysteresis and overrides agree over five periods, ties on the boundaries included")
    void percentileTiersOverSeveralPeriods() {
        PercentileTierPolicy policy = PercentileTierPolicy.custom().tier("PLATINUM", 0.04).tier("GOLD", 0.11)
                .tier("SILVER", 0.25).otherwise("BRONZE").build();
        TierAssigner assigner = new TierAssigner().setPercentiles(CODES, new double[] {0.04, 0.11, 0.25})
                .setDowngradeAfterPeriods(2).setScoreCol("score")
                .setPreviousStateCols("previous_tier", "previous_below", "previous_overridden")
                .setOverrideCols("override_tier", "override_expires", "override_reason");
        Map<TierChangeRecord, Integer> seen = runPeriods(policy, assigner, 5, 2);
        // the periods really exercised the rule: upgrades, held tiers, downgrades, overrides and their end
        assertThat(seen.keySet()).contains(TierChangeRecord.of("INITIAL"), TierChangeRecord.of("UPGRADE"),
                TierChangeRecord.of("HELD"), TierChangeRecord.of("DOWNGRADE"), TierChangeRecord.of("OVERRIDE"),
                TierChangeRecord.of("OVERRIDE_EXPIRED"));
    }

    @Test
    @DisplayName("threshold tiers agree over three periods")
    void thresholdTiers() {
        ThresholdTierPolicy policy = ThresholdTierPolicy.custom().tier("PLATINUM", 85).tier("GOLD", 70).tier("SILVER", 50)
                .otherwise("BRONZE").build();
        TierAssigner assigner = new TierAssigner().setThresholds(CODES, new double[] {85, 70, 50})
                .setDowngradeAfterPeriods(3).setScoreCol("score")
                .setPreviousStateCols("previous_tier", "previous_below", "previous_overridden")
                .setOverrideCols("override_tier", "override_expires", "override_reason");
        assertThat(runPeriods(policy, assigner, 3, 3)).containsKey(TierChangeRecord.of("HELD"));
    }

    /** A reason seen in a run (a record so that the map prints well). */
    record TierChangeRecord(String reason) {
        static TierChangeRecord of(String reason) {
            return new TierChangeRecord(reason);
        }
    }

    private Map<TierChangeRecord, Integer> runPeriods(TierPolicy policy, TierAssigner assigner, int periods, int downgrade) {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] ids = new long[N];
        double[] base = new double[N];
        for (int i = 0; i < N; i++) {
            ids[i] = 500 + 3L * i;
            base[i] = rnd.nextInt(101);
        }
        TierState memState = TierState.empty(N);
        String[] prevTier = new String[N];
        int[] prevBelow = new int[N];
        boolean[] prevOverridden = new boolean[N];
        Instant overrideEnds = START.plus(Duration.ofDays(60));
        Map<TierChangeRecord, Integer> seen = new HashMap<>();
        for (int p = 0; p < periods; p++) {
            Instant at = START.plus(Duration.ofDays(30L * p));
            double[] scores = new double[N];
            for (int i = 0; i < N; i++) {
                // half-point grid: many equal scores, so blocks of ties sit on the percentile boundaries
                scores[i] = Math.max(0, Math.min(100, Math.round(2 * (base[i] + rnd.nextInt(31) - 15)) / 2.0));
            }
            List<TierOverride> overrides = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                boolean override = i % 200 == 0;
                if (override) {
                    overrides.add(new TierOverride(ids[i], "GOLD", overrideEnds, "retention agreement"));
                }
                rows.add(RowFactory.create(ids[i], scores[i], prevTier[i], prevBelow[i], prevOverridden[i],
                        override ? "GOLD" : null, override ? Timestamp.from(overrideEnds) : null,
                        override ? "retention agreement" : null));
            }
            TierEngine engine = TierEngine.of(policy, TierEngineConfig.custom().downgradeAfterPeriods(downgrade)
                    .clock(Clock.fixed(at, ZoneOffset.UTC)).build());
            TierRun mem = engine.run(ids, scores, memState, overrides, ProgressListener.none());
            Map<Long, String> memDetail = new HashMap<>();
            for (TierChange c : mem.changes()) {
                memDetail.put(c.customerId(), c.detail());
            }
            Dataset<Row> df = spark.createDataFrame(rows, schema()).repartition(3);
            Dataset<Row> out = assigner.setRunAtMillis(at.toEpochMilli()).fit(df).transform(df);
            Map<Long, Row> byId = ScoringEqualityTest.byId(out);
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                Row r = byId.get(ids[i]);
                expected.add(p + ":" + i + " " + mem.tier(i) + " " + mem.nextState().belowPeriods(i) + " "
                        + mem.nextState().overridden(i) + " " + mem.reason(i) + " " + mem.reason(i).isChange() + " "
                        + memDetail.get(ids[i]));
                actual.add(p + ":" + i + " " + r.getAs("tier_code") + " " + r.getAs("tier_below") + " "
                        + r.getAs("tier_overridden") + " " + r.getAs("tier_reason") + " " + r.getAs("tier_changed") + " "
                        + r.getAs("tier_detail"));
                seen.merge(TierChangeRecord.of(mem.reason(i).name()), 1, Integer::sum);
                prevTier[i] = r.getAs("tier_code");
                prevBelow[i] = r.getAs("tier_below");
                prevOverridden[i] = r.getAs("tier_overridden");
            }
            assertThat(actual).containsExactlyElementsOf(expected);
            memState = mem.nextState();
        }
        return seen;
    }
}

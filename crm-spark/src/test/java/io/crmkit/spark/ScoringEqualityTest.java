package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.score.Reason;
import io.crmkit.analytics.score.RfmConfig;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.RfmResult;
import io.crmkit.analytics.score.ScorecardResult;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.analytics.score.ValueScoreModel;
import io.crmkit.analytics.score.ValueScoreResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same customers scored in memory and on Spark (local[2], several partitions) agree row for row. */
class ScoringEqualityTest {

    private static final int N = 6_000;
    private static SparkSession spark;
    private static TestCustomers customers;
    private static FeatureFrame frame;
    private static Dataset<Row> df;

    @BeforeAll
    static void data() {
        spark = SparkTestSession.get();
        customers = new TestCustomers(N, 42);
        frame = customers.frame();
        df = customers.dataFrame(spark, 5).cache();
    }

    static Map<Long, Row> byId(Dataset<Row> out) {
        Map<Long, Row> m = new HashMap<>();
        for (Row r : out.collectAsList()) {
            m.put(r.getLong(r.fieldIndex("id")), r);
        }
        return m;
    }

    static List<String> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }

    @ParameterizedTest(name = "q = {0}")
    @ValueSource(ints = {3, 5, 10})
    @DisplayName("RFM scores, codes, cells and reasons equal the in-memory engine for every row")
    void rfmMatchesInMemory(int q) {
        RfmResult mem = RfmModel.of(RfmConfig.custom().quantiles(q).build()).score(frame);
        RfmScorerModel model = new RfmScorer().setQuantiles(q).fit(df);
        Map<Long, Row> out = byId(model.transform(df));
        assertThat(out).hasSize(N);
        assertThat(model.getFittedRows()).isEqualTo(N);
        List<String> expected = new java.util.ArrayList<>();
        List<String> actual = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            Row r = out.get(customers.ids[i]);
            expected.add(i + " " + mem.recency(i) + mem.frequency(i) + mem.monetary(i) + " " + (int) mem.score(i) + " "
                    + mem.rfmCode(i) + " " + mem.cell(i).name() + " " + codes(mem.reasons(i)) + " " + texts(mem.reasons(i)));
            actual.add(i + " " + r.getAs("rfm_r") + r.getAs("rfm_f") + r.getAs("rfm_m") + " " + r.getAs("rfm_score") + " "
                    + r.getAs("rfm_code") + " " + r.getAs("rfm_cell") + " " + r.getList(r.fieldIndex("rfm_reasons")) + " "
                    + r.getList(r.fieldIndex("rfm_reason_texts")));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        // the tie-heavy frequency column really puts blocks of ties on the boundaries
        assertThat(mem.countByCell().values().stream().filter(c -> c > 0).count()).isGreaterThan(3);
    }

    @Test
    @DisplayName("a block of ties on a quantile boundary stays whole and takes the score of its worst-ranked member")
    void tiesAtQuantileBoundaries() {
        // n = 10, q = 5: score = 1 + floor(5c / 10), c = customers strictly worse
        double[] freq = {1, 1, 1, 2, 2, 2, 2, 3, 3, 9};
        int[] expectedF = {1, 1, 1, 2, 2, 2, 2, 4, 4, 5};
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < freq.length; i++) {
            rows.add(RowFactory.create((long) i, (double) (10 - i), freq[i], freq[i] * 100));
        }
        Dataset<Row> small = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("recency_days", DataTypes.DoubleType, false),
                DataTypes.createStructField("frequency", DataTypes.DoubleType, false),
                DataTypes.createStructField("monetary", DataTypes.DoubleType, false)))).repartition(3);
        FeatureFrame f = FeatureFrame.builder(freq.length).doubles("recency_days", new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1})
                .doubles("frequency", freq.clone()).doubles("monetary", java.util.Arrays.stream(freq).map(v -> v * 100).toArray())
                .build();
        RfmResult mem = RfmModel.ofDefaults().score(f);
        Map<Long, Row> out = byId(new RfmScorer().fit(small).transform(small));
        for (int i = 0; i < freq.length; i++) {
            assertThat(mem.frequency(i)).isEqualTo(expectedF[i]);
            assertThat(out.get((long) i).<Integer>getAs("rfm_f")).as("row %d", i).isEqualTo(expectedF[i]);
            assertThat(out.get((long) i).<Integer>getAs("rfm_m")).isEqualTo(expectedF[i]);
            assertThat(out.get((long) i).<Integer>getAs("rfm_r")).isEqualTo(mem.recency(i));
        }
    }

    @Test
    @DisplayName("without reason columns the stages give the same scores and leave the reasons out")
    void scoresOnly() {
        Dataset<Row> full = new ScorecardScorer().transform(new ValueScorer().transform(new RfmScorer().fit(df).transform(df)));
        Dataset<Row> lean = new ScorecardScorer().setReasons(false).transform(new ValueScorer().setReasons(false)
                .transform(new RfmScorer().setReasons(false).fit(df).transform(df)));
        assertThat(lean.columns()).doesNotContain("rfm_reasons", "rfm_reason_texts", "value_reasons", "churn_reason_texts")
                .contains("rfm_cell", "value_label", "churn_band");
        String[] cols = {"id", "rfm_code", "rfm_cell", "value_score", "value_label", "churn_points", "churn_band"};
        assertThat(lean.selectExpr(cols).orderBy("id").collectAsList())
                .isEqualTo(full.selectExpr(cols).orderBy("id").collectAsList());
    }

    @Test
    @DisplayName("value scores, labels and reasons equal the in-memory engine for every row")
    void valueMatchesInMemory() {
        ValueScoreResult mem = ValueScoreModel.ofDefaults().score(frame);
        Map<Long, Row> out = byId(new ValueScorer().transform(df));
        List<String> expected = new java.util.ArrayList<>();
        List<String> actual = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            Row r = out.get(customers.ids[i]);
            expected.add(i + " " + mem.score(i) + " " + mem.label(i) + " " + codes(mem.reasons(i)) + " " + texts(mem.reasons(i)));
            actual.add(i + " " + r.getAs("value_score") + " " + r.getAs("value_label") + " "
                    + r.getList(r.fieldIndex("value_reasons")) + " " + r.getList(r.fieldIndex("value_reason_texts")));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("churn and lead scorecards give the same points, bands and reason codes as in memory")
    void scorecardsMatchInMemory() {
        ScorecardResult churn = Scorecards.churnDefaults().score(frame);
        Map<Long, Row> out = byId(new ScorecardScorer().transform(df));
        int high = 0;
        List<String> expected = new java.util.ArrayList<>();
        List<String> actual = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            Row r = out.get(customers.ids[i]);
            expected.add(i + " " + churn.points(i) + " " + churn.label(i) + " " + codes(churn.reasons(i)) + " "
                    + texts(churn.reasons(i)));
            actual.add(i + " " + r.getAs("churn_points") + " " + r.getAs("churn_band") + " "
                    + r.getList(r.fieldIndex("churn_reasons")) + " " + r.getList(r.fieldIndex("churn_reason_texts")));
            high += "HIGH".equals(churn.label(i)) ? 1 : 0;
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(high).isPositive();

        // the lead scorecard reads other features: give the frame and the DataFrame the same ones
        io.crmkit.analytics.score.PointsScorecard lead = io.crmkit.analytics.score.PointsScorecard.custom().name("lead")
                .rule(new io.crmkit.analytics.score.ScorecardRule("ENGAGED", "frequency",
                        io.crmkit.analytics.score.Comparison.AT_LEAST, 3, 20, "Three or more interactions"))
                .rule(new io.crmkit.analytics.score.ScorecardRule("FRESH", "tenure_days",
                        io.crmkit.analytics.score.Comparison.AT_MOST, 30, 10, "Recorded within 30 days"))
                .rule(new io.crmkit.analytics.score.ScorecardRule("LARGE_ASSETS", "aum",
                        io.crmkit.analytics.score.Comparison.GREATER_THAN, 500_000, 25, "Large assets"))
                .band("D", 0).band("C", 20).band("B", 35).build();
        ScorecardResult leads = lead.score(frame);
        Map<Long, Row> lo = byId(new ScorecardScorer().setScorecard(lead).transform(df));
        List<String> expectedLeads = new java.util.ArrayList<>();
        List<String> actualLeads = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            Row r = lo.get(customers.ids[i]);
            expectedLeads.add(i + " " + leads.points(i) + " " + leads.label(i) + " " + codes(leads.reasons(i)));
            actualLeads.add(i + " " + r.getAs("lead_points") + " " + r.getAs("lead_band") + " "
                    + r.getList(r.fieldIndex("lead_reasons")));
        }
        assertThat(actualLeads).containsExactlyElementsOf(expectedLeads);
    }
}

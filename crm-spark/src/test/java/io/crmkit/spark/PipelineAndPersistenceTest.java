package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages in a spark.ml Pipeline, saved and loaded, and their answers to bad input. */
class PipelineAndPersistenceTest {

    private static SparkSession spark;
    private static Dataset<Row> df;

    @BeforeAll
    static void data() {
        spark = SparkTestSession.get();
        df = new TestCustomers(1_500, 5).dataFrame(spark, 3).cache();
    }

    private static Pipeline nightly() {
        return new Pipeline().setStages(new PipelineStage[] {
            new RfmScorer().setQuantiles(5),
            new ValueScorer(),
            new ScorecardScorer(),
            new TierAssigner().setRunAtMillis(1_767_225_600_000L),
            new SegmentFlagger().setSegment("core_gold", "age between 28 and 60 and tier_code in (GOLD, PLATINUM)")});
    }

    private static List<String> signature(Dataset<Row> out) {
        return out.select(functions.concat_ws("|", functions.col("id").cast("string"), functions.col("rfm_code"),
                        functions.col("rfm_cell"), functions.col("value_score").cast("string"), functions.col("churn_band"),
                        functions.col("tier_code"), functions.col("tier_reason"), functions.col("core_gold").cast("string")))
                .orderBy("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    @Test
    @DisplayName("a saved and loaded pipeline and pipeline model give the same rows as the original")
    void pipelineRoundTrip(@TempDir Path dir) throws Exception {
        Pipeline pipeline = nightly();
        PipelineModel model = pipeline.fit(df);
        List<String> before = signature(model.transform(df));
        assertThat(before).hasSize(1_500);
        assertThat(before).anyMatch(s -> s.endsWith("|true")).anyMatch(s -> s.endsWith("|false"));

        model.write().overwrite().save(dir.resolve("model").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("model").toString());
        assertThat(signature(loaded.transform(df))).isEqualTo(before);

        pipeline.write().overwrite().save(dir.resolve("pipeline").toString());
        Pipeline again = Pipeline.load(dir.resolve("pipeline").toString());
        assertThat(signature(again.fit(df).transform(df))).isEqualTo(before);
    }

    @Test
    @DisplayName("each stage loads through its own static load(path) with its parameters intact")
    void stagesLoadByClass(@TempDir Path dir) throws Exception {
        TierAssignerModel tiers = new TierAssigner().setRunAtMillis(0).fit(new ValueScorer().transform(df));
        tiers.write().save(dir.resolve("tiers").toString());
        TierAssignerModel loaded = TierAssignerModel.load(dir.resolve("tiers").toString());
        assertThat(loaded.getMinimums()).containsExactly(tiers.getMinimums());
        assertThat(loaded.uid()).isEqualTo(tiers.uid());

        RfmScorerModel rfm = new RfmScorer().setQuantiles(4).fit(df);
        rfm.write().save(dir.resolve("rfm").toString());
        RfmScorerModel rfmLoaded = RfmScorerModel.load(dir.resolve("rfm").toString());
        assertThat(rfmLoaded.getQuantiles()).isEqualTo(4);
        assertThat(rfmLoaded.getMonetaryThresholds()).containsExactly(rfm.getMonetaryThresholds());

        ScorecardScorer lead = new ScorecardScorer().setScorecard(io.crmkit.analytics.score.Scorecards.leadDefaults());
        lead.write().save(dir.resolve("lead").toString());
        assertThat(ScorecardScorer.load(dir.resolve("lead").toString()).toScorecard().toString())
                .isEqualTo(lead.toScorecard().toString());
    }

    @Test
    @DisplayName("bad configuration and bad input are refused with the core's validation error naming the field")
    void badInput() {
        assertThatThrownBy(() -> new RfmScorer().setQuantiles(11))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rfm.quantiles");
        assertThatThrownBy(() -> new RfmScorer().setMonetaryCol("nope").fit(df))
                .isInstanceOf(ValidationException.class).hasMessageContaining("monetaryCol").hasMessageContaining("nope");
        assertThatThrownBy(() -> new RfmScorer().setMonetaryCol("customer_key").fit(df))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be a numeric column");
        assertThatThrownBy(() -> new ValueScorer().setOutputPrefix("rfm_").transformSchema(
                        new RfmScorer().transformSchema(df.schema())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'rfm_score' is already in the input");
        assertThatThrownBy(() -> new TierAssigner().setPercentiles(new String[] {"A", "B"}, new double[] {1.5}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tier.share");
        assertThatThrownBy(() -> new TierAssigner().setRunAtMillis(0).setPreviousStateCols("customer_key", "", "")
                        .fit(new ValueScorer().transform(df)).transform(new ValueScorer().transform(df)).count())
                // found inside a task: Spark rethrows it as its SparkException, carrying our message
                .isInstanceOf(org.apache.spark.SparkException.class)
                .hasMessageContaining("ValidationException").hasMessageContaining("column 'customer_key'")
                .hasMessageContaining("must be one of").hasMessageNotContaining("C100");

        Dataset<Row> withNull = spark.createDataFrame(List.of(RowFactory.create(1L, 5.0, null, 3.0)),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("id", DataTypes.LongType, false),
                        DataTypes.createStructField("recency_days", DataTypes.DoubleType, true),
                        DataTypes.createStructField("frequency", DataTypes.DoubleType, true),
                        DataTypes.createStructField("monetary", DataTypes.DoubleType, true))));
        assertThatThrownBy(() -> new RfmScorer().fit(withNull))
                .isInstanceOf(ValidationException.class).hasMessageContaining("column 'frequency'");
    }
}

package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.concentration.Concentration;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.segment.Membership;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.segment.SegmentSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Segments compiled to Spark expressions and distributed concentration against crm-analytics. */
class SegmentAndConcentrationTest {

    private static final int N = 5_000;
    private static SparkSession spark;
    private static TestCustomers customers;
    private static FeatureFrame frame;
    private static Dataset<Row> df;

    @BeforeAll
    static void data() {
        spark = SparkTestSession.get();
        customers = new TestCustomers(N, 11);
        frame = customers.frame();
        df = customers.dataFrame(spark, 4).cache();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "age between 28 and 60 and tier_label in (GOLD, SILVER)",
        "not tier_label in (GOLD) or frequency >= 10",
        "tier_label != BRONZE and (aum > 100000 or contribution <= 2000)",
        "not (age < 30 or age > 50) and tier_label not in (silver)",
        "frequency in (0, 3, 5) and recency_days <> 14"})
    @DisplayName("segment membership on Spark equals the in-memory membership row for row, rows without a label included")
    void segmentsMatchInMemory(String text) {
        Segment segment = Segment.parse("seg", text);
        Membership mem = segment.members(frame);
        Map<Long, Row> out = ScoringEqualityTest.byId(new SegmentFlagger().setSegment("seg", text).transform(df));
        List<Boolean> expected = new ArrayList<>();
        List<Boolean> actual = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            expected.add(mem.contains(i));
            actual.add(out.get(customers.ids[i]).<Boolean>getAs("seg"));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(mem.count()).isBetween(1, N - 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "age betwen 28 and 60",
        "agee > 30",
        "age > 30 and tier_label in (GOLD, PLATNUM)",
        "tier_label > GOLD",
        "age = GOLD",
        "age between 60 and 28",
        "tier_label between 1 and 2",
        "(age > 3"})
    @DisplayName("bad segment text fails on Spark with the same position and problem as on a frame")
    void segmentErrorsMatchInMemory(String text) {
        SegmentSyntaxException mem = catchSegment(() -> Segment.parse("seg", text).members(frame));
        SegmentSyntaxException onSpark = catchSegment(() -> new SegmentFlagger().setSegment("seg", text).transform(df));
        assertThat(onSpark.position()).isEqualTo(mem.position()).isPositive();
        // the known labels are listed in the frame's order there and sorted here
        assertThat(onSpark.problem().replaceAll("known values: .*", ""))
                .isEqualTo(mem.problem().replaceAll("known values: .*", ""));
    }

    private static SegmentSyntaxException catchSegment(Runnable r) {
        try {
            r.run();
        } catch (SegmentSyntaxException e) {
            return e;
        }
        throw new AssertionError("expected a SegmentSyntaxException");
    }

    @Test
    @DisplayName("Pareto shares, the customer share for 80% and the Gini coefficient agree with the in-memory measure")
    void concentrationMatchesInMemory() {
        Concentration mem = Concentration.of(frame, "contribution");
        ConcentrationSummary c = SparkConcentration.of(df, "contribution").topShares(0.04, 0.2, 0.5)
                .valueShares(0.0, 0.5, 0.8, 1.0).curvePoints(50).compute();
        assertThat(c.size()).isEqualTo(N);
        assertThat(c.total()).isCloseTo(mem.total(), within(1e-9 * mem.total()));
        assertThat(c.gini()).isCloseTo(mem.gini(), within(1e-12));
        for (double x : new double[] {0.04, 0.2, 0.5}) {
            assertThat(c.shareOfTop().get(x)).as("top %s", x).isCloseTo(mem.shareOfTop(x), within(1e-12));
        }
        for (double s : new double[] {0.0, 0.5, 0.8, 1.0}) {
            assertThat(c.customerShareFor().get(s)).as("share for %s", s).isEqualTo(mem.customerShareFor(s));
        }
        for (int p = 0; p <= 50; p++) {
            assertThat(c.paretoCurve().get(p).revenueShare())
                    .isCloseTo(mem.paretoCurve(50).get(p).revenueShare(), within(1e-12));
        }
        assertThat(c.gini()).isBetween(0.3, 0.9);
    }

    @Test
    @DisplayName("concentration of a column with a negative value is refused naming the column")
    void concentrationRefusesNegatives() {
        assertThatThrownBy(() -> SparkConcentration.of(df, "aum_change_pct").compute())
                .isInstanceOf(io.crmkit.core.error.ValidationException.class)
                .hasMessageContaining("aum_change_pct");
    }
}

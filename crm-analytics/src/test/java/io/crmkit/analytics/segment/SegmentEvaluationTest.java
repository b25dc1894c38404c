package io.crmkit.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.feature.FeatureFrame;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SegmentEvaluationTest {

    private static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "BRONZE");

    /** ids 1..6: age, tier, aum, contribution. */
    private static FeatureFrame frame() {
        return FeatureFrame.builder(6).ids(new long[] {1, 2, 3, 4, 5, 6})
                .ints("age", new int[] {25, 28, 45, 60, 61, 40})
                .categories("tier", new int[] {1, 1, 2, 3, 0, -1}, TIERS)
                .doubles("aum", new double[] {100, 200, 300, 400, 500, 500})
                .doubles("contribution", new double[] {10, 20, 30, 40, 50, 50})
                .doubles("income", new double[] {50_000, 120_000, 90_000, 300_000, 10_000, 0})
                .build();
    }

    @Test
    @DisplayName("selects the customers of the branch example, bounds included")
    void branchExample() {
        Membership m = Segment.parse("core", "age between 28 and 60 and tier in (GOLD, SILVER)").members(frame());
        assertThat(m.rows()).containsExactly(1, 2);
        assertThat(m.customerIds()).containsExactly(2, 3);
        assertThat(m.count()).isEqualTo(2);
        assertThat(m.contains(1)).isTrue();
        assertThat(m.contains(3)).isFalse();
    }

    @Test
    @DisplayName("treats a row without a label as outside 'in' and inside 'not in'")
    void unlabeledRows() {
        assertThat(Segment.parse("a", "tier in (GOLD, SILVER, BRONZE, PLATINUM)").members(frame()).rows())
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(Segment.parse("b", "tier not in (GOLD)").members(frame()).rows()).containsExactly(2, 3, 4, 5);
        assertThat(Segment.parse("c", "tier != GOLD").members(frame()).rows()).containsExactly(2, 3, 4, 5);
        assertThat(Segment.parse("d", "age in (25, 61)").members(frame()).rows()).containsExactly(0, 4);
    }

    @Test
    @DisplayName("points at the column of a name or value that does not fit the frame")
    void bindingErrors() {
        assertError("agee > 5", 1, "unknown feature 'agee'");
        assertError("age > 3 and tier in (GOLD, PLATNUM)", 28,
                "'PLATNUM' is not a value of 'tier'; known values: [PLATINUM, GOLD, SILVER, BRONZE]");
        assertError("tier > 3", 1, "'tier' is a category: use =, !=, or in, not >");
        assertError("age > GOLD", 7, "'age' is a number: expected a number, found 'GOLD'");
        assertError("tier between 1 and 2", 1, "'tier' is a category, a number range does not apply");
        assertError("age between 60 and 28", 13, "the lower bound of 'between' must not exceed the upper bound");
    }

    private static void assertError(String text, int column, String problem) {
        SegmentSyntaxException e = catchThrowableOfType(SegmentSyntaxException.class,
                () -> Segment.parse("s", text).members(frame()));
        assertThat(e.position()).as(text).isEqualTo(column);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    @DisplayName("computes count, assets, contribution and shares per segment")
    void statistics() {
        SegmentStatistics s = Segment.parse("core", "age between 28 and 60").members(frame())
                .statistics("aum", "contribution");
        // rows 1,2,3,5: aum 200+300+400+500 of 2000
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.customerShare()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(s.assets()).isEqualTo(1400);
        assertThat(s.assetShare()).isCloseTo(0.7, within(1e-12));
        assertThat(s.contribution()).isEqualTo(140);
        assertThat(s.contributionShare()).isCloseTo(0.7, within(1e-12));
        assertThat(s.averageAssets()).isEqualTo(350);
    }

    @Test
    @DisplayName("agrees with a row-by-row evaluation on seeded random frames")
    void agreesWithRowByRow() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 20; round++) {
            int n = 1 + rnd.nextInt(500);
            int[] age = new int[n];
            int[] tier = new int[n];
            double[] aum = new double[n];
            for (int i = 0; i < n; i++) {
                age[i] = 18 + rnd.nextInt(70);
                tier[i] = rnd.nextInt(5) - 1;
                aum[i] = rnd.nextInt(1000);
            }
            FeatureFrame f = FeatureFrame.builder(n).ints("age", age).categories("tier", tier, TIERS)
                    .doubles("aum", aum).build();
            Membership m = Segment.parse("s", "(age between 28 and 60 and not tier in (BRONZE)) or aum >= 900")
                    .members(f);
            int count = 0;
            for (int i = 0; i < n; i++) {
                boolean expected = age[i] >= 28 && age[i] <= 60 && tier[i] != 3 || aum[i] >= 900;
                assertThat(m.contains(i)).isEqualTo(expected);
                count += expected ? 1 : 0;
            }
            assertThat(m.count()).isEqualTo(count);
        }
    }

    @Test
    @DisplayName("places customers in an age x income grid with statistics per cell")
    void grid() {
        GridSegmentation g = GridSegmentation.custom().rows("age", 18, 28, 61).columns("income", 0, 100_000).build();
        GridSegmentation.GridResult r = g.assign(frame());
        assertThat(r.cellCount()).isEqualTo(6);
        assertThat(new int[] {r.cell(0), r.cell(1), r.cell(2), r.cell(3), r.cell(4), r.cell(5)})
                .containsExactly(0, 3, 2, 3, 4, 2);
        assertThat(r.cellLabel(3)).isEqualTo("age 28-61 x income 100000+");
        assertThat(r.cellLabel(4)).isEqualTo("age 61+ x income 0-100000");
        List<SegmentStatistics> stats = r.statistics("aum", "contribution");
        assertThat(stats).extracting(SegmentStatistics::count).containsExactly(1, 0, 2, 2, 1, 0);
        assertThat(stats.get(2).assets()).isEqualTo(800);
        assertThat(stats.get(2).assetShare()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    @DisplayName("takes dated snapshots and tells who joined and who left")
    void snapshots() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T00:00:00Z"), ZoneOffset.UTC);
        MembershipSnapshot jan = Segment.parse("older", "age >= 45").members(frame()).snapshot(clock);
        MembershipSnapshot feb = MembershipSnapshot.of("older", Instant.parse("2026-02-28T00:00:00Z"),
                new long[] {5, 3, 1});
        assertThat(jan.customerIds()).containsExactly(3, 4, 5);
        assertThat(jan.asOf()).isEqualTo(clock.instant());
        assertThat(feb.joinedSince(jan)).containsExactly(1);
        assertThat(feb.leftSince(jan)).containsExactly(4);
        assertThat(feb.contains(5)).isTrue();
        assertThat(feb.toString()).isEqualTo("MembershipSnapshot[segment=older, asOf=2026-02-28T00:00:00Z, count=3]");
    }
}

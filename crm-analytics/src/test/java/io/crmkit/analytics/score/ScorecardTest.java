package io.crmkit.analytics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.feature.FeatureFrame;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    /** Row 0 leaving (outflow, complaint, no login), row 1 quiet, row 2 healthy, row 3 on the boundaries. */
    private static FeatureFrame churnFrame() {
        return FeatureFrame.builder(4).ids(new long[] {1, 2, 3, 4})
                .doubles("aum_change_pct", new double[] {-45, -5, 12, -20})
                .ints("open_complaints", new int[] {1, 0, 0, 0})
                .doubles("trades_change_pct", new double[] {-80, -10, 5, -50})
                .ints("days_since_login", new int[] {75, 61, 2, 59})
                .ints("days_since_contact", new int[] {30, 120, 10, 89})
                .build();
    }

    @Test
    @DisplayName("adds the points of every rule that holds and places the total in a band")
    void pointsAndBands() {
        ScorecardResult r = Scorecards.churnDefaults().score(churnFrame());
        assertThat(r.points(0)).isEqualTo(30 + 25 + 20 + 15);
        assertThat(r.label(0)).isEqualTo("HIGH");
        assertThat(r.points(1)).isEqualTo(15 + 10);
        assertThat(r.label(1)).isEqualTo("LOW");
        assertThat(r.points(2)).isZero();
        // -20 is "at most -20" and -50 is "at most -50": boundaries count
        assertThat(r.points(3)).isEqualTo(30 + 20);
        assertThat(r.label(3)).isEqualTo("HIGH");
        assertThat(r.bandIndex(3)).isEqualTo(2);
    }

    @Test
    @DisplayName("gives the reasons most points first in a relationship manager's words")
    void reasonCodes() {
        ScorecardResult r = Scorecards.churnDefaults().score(churnFrame());
        assertThat(r.reasons(0)).extracting(Reason::code)
                .containsExactly("ASSET_OUTFLOW", "OPEN_COMPLAINT", "FALLING_TRADING", "NO_LOGIN");
        assertThat(r.reasons(0).get(0).text())
                .isEqualTo("Assets fell by 20% or more over the window - money may be moving to another firm (+30 points)");
        assertThat(r.reasons(2)).extracting(Reason::code).containsExactly("NO_FACTOR");
    }

    @Test
    @DisplayName("lists the at-risk rows from a band upwards, most points first")
    void atRiskList() {
        ScorecardResult r = Scorecards.churnDefaults().score(churnFrame());
        assertThat(r.rowsAtLeast("HIGH")).containsExactly(0, 3);
        assertThat(r.rowsAtLeast("LOW")).containsExactly(0, 3, 1, 2);
        assertThatThrownBy(() -> r.rowsAtLeast("SEVERE")).hasMessageContaining("band");
    }

    @Test
    @DisplayName("over many chunks and two threads: points, bands and the at-risk list match a brute-force count")
    void manyRowsAgainstBruteForce() {
        int n = 300_000;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double[] aum = new double[n];
        int[] complaints = new int[n];
        double[] trades = new double[n];
        int[] login = new int[n];
        int[] contact = new int[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            aum[i] = rnd.nextInt(101) - 50; // whole numbers, so the -20 boundary is hit often
            complaints[i] = rnd.nextInt(20) == 0 ? 1 : 0;
            trades[i] = rnd.nextInt(201) - 100;
            login[i] = rnd.nextInt(120);
            contact[i] = rnd.nextInt(200);
        }
        FeatureFrame f = FeatureFrame.builder(n).ids(ids).doubles("aum_change_pct", aum).ints("open_complaints", complaints)
                .doubles("trades_change_pct", trades).ints("days_since_login", login).ints("days_since_contact", contact)
                .build();
        ScorecardResult r = PointsScorecard.from(Scorecards.churnDefaults()).parallelism(2).build().score(f);
        java.util.List<Integer> medium = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int expected = (aum[i] <= -20 ? 30 : 0) + (complaints[i] >= 1 ? 25 : 0) + (trades[i] <= -50 ? 20 : 0)
                    + (login[i] >= 60 ? 15 : 0) + (contact[i] >= 90 ? 10 : 0);
            int band = expected >= 50 ? 2 : expected >= 30 ? 1 : 0;
            if (r.points(i) != expected || r.bandIndex(i) != band) {
                throw new AssertionError("row " + i + ": " + r.points(i) + "/" + r.bandIndex(i) + ", expected " + expected + "/" + band);
            }
            if (band >= 1) {
                medium.add(i);
            }
        }
        int[] points = new int[n];
        for (int i = 0; i < n; i++) {
            points[i] = r.points(i);
        }
        medium.sort((a, b) -> points[a] != points[b] ? Integer.compare(points[b], points[a]) : Integer.compare(a, b));
        assertThat(r.rowsAtLeast("MEDIUM")).containsExactly(medium.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    @DisplayName("scores prospects with the lead scorecard")
    void leadScore() {
        FeatureFrame f = FeatureFrame.builder(2)
                .ints("referred", new int[] {1, 0})
                .doubles("stated_assets", new double[] {800_000, 20_000})
                .ints("interactions", new int[] {4, 1})
                .ints("campaign_responses", new int[] {0, 1})
                .ints("days_since_created", new int[] {10, 200})
                .build();
        ScorecardResult r = Scorecards.leadDefaults().score(f);
        assertThat(r.points(0)).isEqualTo(30 + 25 + 20 + 10);
        assertThat(r.label(0)).isEqualTo("A");
        assertThat(r.points(1)).isEqualTo(15);
        assertThat(r.label(1)).isEqualTo("D");
    }

    @Test
    @DisplayName("gives the same points whatever the parallelism")
    void deterministicAcrossParallelism() {
        int n = 300_000;
        double[] a = new double[n];
        int[] c = new int[n];
        double[] t = new double[n];
        int[] l = new int[n];
        int[] k = new int[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() * 100 - 60;
            c[i] = rnd.nextInt(3);
            t[i] = rnd.nextDouble() * 200 - 100;
            l[i] = rnd.nextInt(120);
            k[i] = rnd.nextInt(200);
        }
        FeatureFrame f = FeatureFrame.builder(n).doubles("aum_change_pct", a).ints("open_complaints", c)
                .doubles("trades_change_pct", t).ints("days_since_login", l).ints("days_since_contact", k).build();
        ScorecardResult one = PointsScorecard.from(Scorecards.churnDefaults()).parallelism(1).build().score(f);
        ScorecardResult two = PointsScorecard.from(Scorecards.churnDefaults()).parallelism(2).build().score(f);
        for (int i = 0; i < n; i++) {
            int expected = (a[i] <= -20 ? 30 : 0) + (c[i] >= 1 ? 25 : 0) + (t[i] <= -50 ? 20 : 0)
                    + (l[i] >= 60 ? 15 : 0) + (k[i] >= 90 ? 10 : 0);
            assertThat(one.points(i)).isEqualTo(expected);
            assertThat(two.points(i)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("rejects bad scorecards naming the field and the rule")
    void rejectsBadScorecards() {
        assertThatThrownBy(() -> new ScorecardRule("x", "aum", Comparison.AT_MOST, 1, 5, "t"))
                .hasMessageContaining("scorecard.rule.code");
        assertThatThrownBy(() -> new ScorecardRule("X", "aum", Comparison.AT_MOST, Double.NaN, 5, "t"))
                .hasMessageContaining("scorecard.rule.threshold").hasMessageContaining("finite");
        assertThatThrownBy(() -> new ScorecardRule("X", "aum", Comparison.AT_MOST, 1, 0, "t"))
                .hasMessageContaining("scorecard.rule.points").hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> new ScorecardRule("X", "aum", Comparison.AT_MOST, 1, 5, "line\nbreak"))
                .hasMessageContaining("scorecard.rule.text").hasMessageContaining("control");
        ScorecardRule rule = new ScorecardRule("X", "aum", Comparison.AT_MOST, 1, 5, "t");
        assertThatThrownBy(() -> PointsScorecard.custom().rule(rule).band("LOW", 5))
                .hasMessageContaining("scorecard.band.fromPoints").hasMessageContaining("first band must be 0");
        assertThatThrownBy(() -> PointsScorecard.custom().rule(rule).band("LOW", 0).band("HIGH", 0))
                .hasMessageContaining("scorecard.band.fromPoints").hasMessageContaining("greater than");
        assertThatThrownBy(() -> PointsScorecard.custom().rule(rule).band("LOW", 0).band("HIGH", 6).build())
                .hasMessageContaining("scorecard.bands").hasMessageContaining("at most 5");
        assertThatThrownBy(() -> PointsScorecard.custom().rule(rule).rule(rule).band("LOW", 0).band("HIGH", 5).build())
                .hasMessageContaining("scorecard.rules").hasMessageContaining("X twice");
        assertThatThrownBy(() -> PointsScorecard.custom().band("LOW", 0).band("HIGH", 5).build())
                .hasMessageContaining("scorecard.rules").hasMessageContaining("at least one");
        assertThatThrownBy(() -> PointsScorecard.custom().parallelism(0))
                .hasMessageContaining("scorecard.parallelism");
    }

    @Test
    @DisplayName("names the missing feature when the frame lacks one")
    void missingFeature() {
        FeatureFrame f = FeatureFrame.builder(1).doubles("aum", new double[] {1}).build();
        assertThatThrownBy(() -> Scorecards.churnDefaults().score(f))
                .hasMessageContaining("feature 'aum_change_pct'").hasMessageContaining("not in the frame");
    }

    @Test
    @DisplayName("agrees with every rule's own test on random rows, values on the thresholds included, for 1 to 9 rules")
    void agreesWithTheRulesOnRandomRows() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(31);
        Comparison[] kinds = Comparison.values();
        int n = 5_003;
        for (int k = 1; k <= 9; k++) {
            PointsScorecard.Builder b = PointsScorecard.custom().name("check");
            FeatureFrame.Builder fb = FeatureFrame.builder(n);
            java.util.List<double[]> cols = new java.util.ArrayList<>();
            int max = 0;
            for (int j = 0; j < k; j++) {
                double t = rnd.nextInt(21) - 10;
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    // a third on the threshold exactly, the rest around it (negative values included)
                    col[i] = rnd.nextInt(3) == 0 ? t : t + (rnd.nextInt(41) - 20) / 4.0;
                }
                cols.add(col);
                fb.doubles("f" + j, col);
                int points = 1 + rnd.nextInt(1000);
                max += points;
                b.rule(new ScorecardRule("R" + j, "f" + j, kinds[j % kinds.length], t, points, "rule " + j));
            }
            PointsScorecard card = b.band("LOW", 0).band("HIGH", Math.max(1, max / 2)).build();
            ScorecardResult r = card.score(fb.build());
            for (int i = 0; i < n; i++) {
                int want = 0;
                for (int j = 0; j < k; j++) {
                    ScorecardRule rule = card.rules().get(j);
                    want += rule.test(cols.get(j)[i]) ? rule.points() : 0;
                }
                assertThat(r.points(i)).as("k=%d row %d", k, i).isEqualTo(want);
                assertThat(r.label(i)).isEqualTo(want >= Math.max(1, max / 2) ? "HIGH" : "LOW");
            }
        }
    }
}

package io.crmkit.analytics.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RfmModelTest {

    // Hand-computed: score = 1 + floor(5 * c / 10), c = customers strictly worse on the dimension.
    private static final double[] RECENCY = {5, 5, 10, 20, 20, 20, 40, 60, 90, 90};
    private static final double[] FREQUENCY = {7, 1, 6, 4, 3, 1, 5, 2, 1, 1};
    private static final double[] MONETARY = {1000, 100, 800, 500, 500, 200, 500, 400, 300, 200};

    private static FeatureFrame table() {
        long[] ids = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110};
        return FeatureFrame.builder(10).ids(ids)
                .doubles("recency_days", RECENCY.clone())
                .doubles("frequency", FREQUENCY.clone())
                .doubles("monetary", MONETARY.clone())
                .build();
    }

    @Test
    @DisplayName("scores a small table with ties exactly as computed by hand")
    void handComputedTableWithTies() {
        RfmResult r = RfmModel.of(RfmConfig.custom().parallelism(1).build()).score(table());
        List<String> codes = new ArrayList<>();
        List<RfmCell> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            codes.add(r.rfmCode(i));
            cells.add(r.cell(i));
        }
        assertThat(codes).containsExactly("555", "511", "455", "343", "333", "311", "243", "233", "112", "111");
        assertThat(cells).containsExactly(RfmCell.CHAMPIONS, RfmCell.NEW_CUSTOMER, RfmCell.LOYAL, RfmCell.LOYAL,
                RfmCell.NEED_ATTENTION, RfmCell.ABOUT_TO_SLEEP, RfmCell.AT_RISK, RfmCell.AT_RISK,
                RfmCell.HIBERNATING, RfmCell.HIBERNATING);
        assertThat(r.score(0)).isEqualTo(15.0);
        assertThat(r.customerId(6)).isEqualTo(107);
        assertThat(r.label(6)).isEqualTo("At risk");
    }

    @Test
    @DisplayName("gives tied values the same score and never splits a tie block (frequency score 2 stays empty)")
    void tiesShareAScore() {
        RfmResult r = RfmModel.ofDefaults().score(table());
        // four customers share frequency 1: all score 1, and the next value jumps to score 3
        assertThat(new int[] {r.frequency(1), r.frequency(5), r.frequency(8), r.frequency(9)}).containsOnly(1);
        assertThat(r.frequency(7)).isEqualTo(3);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.frequency(i)).isNotEqualTo(2);
        }
    }

    @Test
    @DisplayName("matches the SQL RANK formula on seeded random data for every quantile count")
    void matchesRankFormula() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 40; round++) {
            int n = 1 + rnd.nextInt(400);
            int q = 2 + rnd.nextInt(9);
            double[] rec = new double[n];
            double[] freq = new double[n];
            double[] mon = new double[n];
            for (int i = 0; i < n; i++) {
                rec[i] = rnd.nextInt(30);
                freq[i] = rnd.nextInt(12);
                mon[i] = Math.round(rnd.nextDouble() * 50) * 10.0;
            }
            FeatureFrame f = FeatureFrame.builder(n).doubles("recency_days", rec).doubles("frequency", freq)
                    .doubles("monetary", mon).build();
            RfmResult r = RfmModel.of(RfmConfig.custom().quantiles(q).parallelism(1 + round % 2).build()).score(f);
            for (int i = 0; i < n; i++) {
                int worseR = 0;
                int worseF = 0;
                int worseM = 0;
                for (int j = 0; j < n; j++) {
                    worseR += rec[j] > rec[i] ? 1 : 0;
                    worseF += freq[j] < freq[i] ? 1 : 0;
                    worseM += mon[j] < mon[i] ? 1 : 0;
                }
                assertThat(r.recency(i)).isEqualTo(1 + (int) ((long) q * worseR / n));
                assertThat(r.frequency(i)).isEqualTo(1 + (int) ((long) q * worseF / n));
                assertThat(r.monetary(i)).isEqualTo(1 + (int) ((long) q * worseM / n));
            }
        }
    }

    @Test
    @DisplayName("places cells on the 1..5 scale for other quantile counts")
    void scalesCellsForQuartiles() {
        assertThat(RfmModel.toFive(1, 4)).isEqualTo(1);
        assertThat(RfmModel.toFive(2, 4)).isEqualTo(2);
        assertThat(RfmModel.toFive(3, 4)).isEqualTo(4);
        assertThat(RfmModel.toFive(4, 4)).isEqualTo(5);
        assertThat(RfmModel.toFive(10, 10)).isEqualTo(5);
        RfmResult r = RfmModel.of(RfmConfig.custom().quantiles(2).build()).score(table());
        assertThat(r.cell(0)).isEqualTo(RfmCell.CHAMPIONS);
        assertThat(r.cell(9)).isEqualTo(RfmCell.HIBERNATING);
    }

    @Test
    @DisplayName("explains a score with the cell and one plain-language reason per dimension")
    void explainsScores() {
        RfmResult r = RfmModel.ofDefaults().score(table());
        assertThat(r.reasons(6)).extracting(Reason::code)
                .containsExactly("RFM_CELL_AT_RISK", "RFM_NOT_RECENT", "RFM_FREQUENT", "RFM_VALUE_AVERAGE");
        assertThat(r.reasons(6).get(0).text()).isEqualTo("At risk: used to be active, not seen for a while");
        assertThat(r.reasons(6).get(1).text()).endsWith("(score 2 of 5)");
    }

    @Test
    @DisplayName("counts customers per cell and handles an empty frame")
    void countsAndEmpty() {
        RfmResult r = RfmModel.ofDefaults().score(table());
        assertThat(r.countByCell()).containsEntry(RfmCell.AT_RISK, 2).containsEntry(RfmCell.LOYAL, 2)
                .containsEntry(RfmCell.CANNOT_LOSE, 0);
        FeatureFrame empty = FeatureFrame.builder(0).doubles("recency_days", new double[0])
                .doubles("frequency", new double[0]).doubles("monetary", new double[0]).build();
        assertThat(RfmModel.ofDefaults().score(empty).size()).isZero();
    }

    @Test
    @DisplayName("reads integer columns through the frame's double view")
    void readsIntColumns() {
        FeatureFrame f = FeatureFrame.builder(3).ints("recency_days", new int[] {1, 2, 3})
                .ints("frequency", new int[] {3, 2, 1}).doubles("monetary", new double[] {3, 2, 1}).build();
        RfmResult r = RfmModel.of(RfmConfig.custom().quantiles(3).build()).score(f);
        assertThat(r.rfmCode(0)).isEqualTo("333");
        assertThat(r.rfmCode(2)).isEqualTo("111");
    }
}

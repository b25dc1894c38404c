package io.crmkit.analytics.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    @DisplayName("returns the top N largest with ties broken by smaller id")
    void topN() {
        long[] ids = {10, 11, 12, 13, 14};
        double[] v = {5, 9, 7, 9, 1};
        assertThat(TopN.largest(ids, v, 3)).containsExactly(
                new RankedEntry(1, 11, 9), new RankedEntry(2, 13, 9), new RankedEntry(3, 12, 7));
        assertThat(TopN.largest(ids, v, 10)).hasSize(5);
    }

    @Test
    @DisplayName("agrees with a full sort on seeded random data")
    void agreesWithSort() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int round = 0; round < 30; round++) {
            int n = 1 + rnd.nextInt(2000);
            long[] ids = new long[n];
            double[] v = new double[n];
            List<RankedEntry> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids[i] = rnd.nextLong(1_000_000_000L);
                v[i] = rnd.nextInt(50);
                all.add(new RankedEntry(0, ids[i], v[i]));
            }
            all.sort(Comparator.comparingDouble((RankedEntry e) -> -e.value()).thenComparingLong(RankedEntry::id));
            int k = 1 + rnd.nextInt(30);
            List<RankedEntry> top = TopN.largest(ids, v, k);
            assertThat(top).hasSize(Math.min(k, n));
            for (int i = 0; i < top.size(); i++) {
                assertThat(top.get(i).id()).isEqualTo(all.get(i).id());
                assertThat(top.get(i).position()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    @DisplayName("rejects a bad N or value, naming the field")
    void rejectsBadInput() {
        assertThatThrownBy(() -> TopN.largest(new long[] {1}, new double[] {1}, 0)).hasMessageContaining("n [Range]");
        assertThatThrownBy(() -> TopN.largest(new long[] {1}, new double[] {Double.NaN}, 1))
                .hasMessageContaining("values row 0");
        assertThatThrownBy(() -> TopN.largest(new long[] {1}, new double[0], 1)).hasMessageContaining("values");
    }

    @Test
    @DisplayName("ranks securities by distinct holders, value held and traded value")
    void securities() {
        SecurityRanking r = SecurityRanking.builder()
                .holding(1, "600519", 1000).holding(1, "600519", 500) // two accounts, one holder
                .holding(2, "600519", 300)
                .holding(1, "000001", 50).holding(2, "000001", 60).holding(3, "000001", 70)
                .holding(4, "300750", 0) // a closed position is not a holder
                .trade("300750", 9000).trade("600519", 100).trade("000001", 200).trade("000001", 50)
                .build();
        assertThat(r.top(SecurityMetric.HOLDERS, 3)).extracting(SecurityStats::security)
                .containsExactly("000001", "600519", "300750");
        assertThat(r.top(SecurityMetric.VALUE_HELD, 1).get(0)).isEqualTo(new SecurityStats("600519", 2, 1800, 100));
        assertThat(r.top(SecurityMetric.TRADED_VALUE, 2)).extracting(SecurityStats::security)
                .containsExactly("300750", "000001");
        assertThat(r.all()).extracting(SecurityStats::holders).containsExactly(3, 0, 2);
        assertThatThrownBy(() -> SecurityRanking.builder().trade("X", -1)).hasMessageContaining("trade.tradedValue");
    }
}

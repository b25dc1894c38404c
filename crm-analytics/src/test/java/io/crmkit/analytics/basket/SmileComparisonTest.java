package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import smile.association.ARM;
import smile.association.FPGrowth;
import smile.association.ItemSet;

/** Smile 1.5.3's FP-Growth and ARM (Apache-2.0), an independent implementation, on the same data. */
class SmileComparisonTest {

    private static final int ITEMS = 20;
    private static final long[] MASKS = RandomBaskets.masks(2026, 30_000, ITEMS);
    private static final int MIN_COUNT = 150;

    private static int[][] smileData() {
        int[][] data = new int[MASKS.length][];
        for (int t = 0; t < MASKS.length; t++) {
            data[t] = new int[Long.bitCount(MASKS[t])];
            int k = 0;
            for (long m = MASKS[t]; m != 0; m &= m - 1) {
                data[t][k++] = Long.numberOfTrailingZeros(m);
            }
        }
        return data;
    }

    private static long mask(int[] items) {
        long m = 0;
        for (int i : items) {
            m |= 1L << i;
        }
        return m;
    }

    private static FrequentItemsets ours() {
        return FrequentItemsetMiner.of(MiningConfig.custom().minCount(MIN_COUNT).build())
                .mine(Baskets.ofMasks(MASKS, RandomBaskets.names(ITEMS)));
    }

    @Test
    @DisplayName("finds the same itemsets with the same counts as Smile's FPGrowth")
    void sameItemsetsAsSmileFpGrowth() {
        Map<Long, Long> smile = new HashMap<>();
        for (ItemSet s : new FPGrowth(smileData(), MIN_COUNT).learn()) {
            assertThat(smile.put(mask(s.items), (long) s.support)).isNull();
        }
        FrequentItemsets ours = ours();
        Map<Long, Long> mine = new HashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            mine.put(ours.mask(i), ours.count(i));
        }
        assertThat(mine).hasSizeGreaterThan(2000).isEqualTo(smile);
    }

    @Test
    @DisplayName("gives the same all-splits rules, support and confidence as Smile's ARM")
    void sameRulesAsSmileArm() {
        double minConfidence = 0.5;
        Map<List<Long>, double[]> smile = new HashMap<>();
        for (smile.association.AssociationRule r : new ARM(smileData(), MIN_COUNT).learn(minConfidence)) {
            assertThat(smile.put(List.of(mask(r.antecedent), mask(r.consequent)),
                    new double[] {r.support, r.confidence})).isNull();
        }
        AssociationRules ours = ours().rules(RuleConfig.custom().semantics(RuleSemantics.ALL_SPLITS)
                .minConfidence(minConfidence).build());
        assertThat(ours.size()).isGreaterThan(100).isEqualTo(smile.size());
        for (int i = 0; i < ours.size(); i++) {
            double[] s = smile.get(List.of(ours.antecedent(i), ours.consequent(i)));
            assertThat(s).as("rule %d", i).isNotNull();
            AssociationRule r = ours.rule(i);
            assertThat(r.support()).isCloseTo(s[0], within(1e-12));
            assertThat(r.confidence()).isCloseTo(s[1], within(1e-12));
        }
        assertThat(Arrays.stream(smileData()).mapToInt(b -> b.length).sum()).isPositive();
    }
}

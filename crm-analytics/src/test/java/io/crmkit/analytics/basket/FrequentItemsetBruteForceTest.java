package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequentItemsetBruteForceTest {

    /** Every itemset over {@code items} items counted by scanning the baskets. */
    private static Map<Long, Long> bruteForce(long[] masks, int items, long minCount) {
        Map<Long, Long> out = new HashMap<>();
        for (long z = 1; z < (1L << items); z++) {
            long c = 0;
            for (long m : masks) {
                if ((m & z) == z) {
                    c++;
                }
            }
            if (c >= minCount) {
                out.put(z, c);
            }
        }
        return out;
    }

    private static Map<Long, Long> mined(FrequentItemsets sets) {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            assertThat(out.put(sets.mask(i), sets.count(i))).as("itemset found twice").isNull();
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}, {1} baskets, {2} items, support {3}, {4} threads")
    @CsvSource({"1, 3000, 12, 0.02, 1", "2, 3000, 12, 0.02, 2", "3, 500, 14, 0.005, 2", "4, 4000, 10, 0.08, 1",
        "5, 2000, 13, 0.01, 3", "6, 1, 5, 1.0, 1"})
    @DisplayName("finds exactly the itemsets brute force counts, with their counts, sorted")
    void equalsBruteForce(long seed, int n, int items, double support, int threads) {
        long[] masks = RandomBaskets.masks(seed, n, items);
        MiningConfig config = MiningConfig.custom().minSupport(support).parallelism(threads).build();
        FrequentItemsets sets = FrequentItemsetMiner.of(config).mine(Baskets.ofMasks(masks, RandomBaskets.names(items)));

        Map<Long, Long> expected = bruteForce(masks, items, config.minCount(n));
        assertThat(mined(sets)).isEqualTo(expected);
        assertThat(sets.baskets()).isEqualTo(n);
        for (int i = 1; i < sets.size(); i++) {
            assertThat(FrequentItemsets.compareMasks(sets.mask(i - 1), sets.mask(i))).isNegative();
        }
        if (n > 100) {
            assertThat(expected.keySet().stream().mapToInt(Long::bitCount).max().orElse(0)).isGreaterThanOrEqualTo(3);
        }
        for (Itemset s : sets.itemsets()) {
            assertThat(s.support()).isCloseTo((double) s.count() / n, within(1e-15));
        }
    }

    @Test
    @DisplayName("an absolute minimum count and a length bound give the brute-force itemsets up to that length")
    void minCountAndMaxLength() {
        long[] masks = RandomBaskets.masks(9, 1500, 11);
        FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minCount(7).maxLength(3).build())
                .mine(Baskets.ofMasks(masks, RandomBaskets.names(11)));
        Map<Long, Long> expected = new HashMap<>(bruteForce(masks, 11, 7));
        expected.keySet().removeIf(z -> Long.bitCount(z) > 3);
        assertThat(mined(sets)).isEqualTo(expected);
    }

    @Test
    @DisplayName("uses all 64 item bits, item 63 included, as an independent level-wise count finds")
    void sixtyFourItems() {
        SplittableRandom rnd = new SplittableRandom(64);
        long[] masks = new long[3000];
        for (int t = 0; t < masks.length; t++) {
            long m = rnd.nextLong() & rnd.nextLong() & rnd.nextLong();   // each bit with probability 1/8
            if (rnd.nextInt(4) == 0) {
                m |= 0xF000_0000_0000_0001L;   // items 0, 60..63 together
            }
            masks[t] = m;
        }
        FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minCount(60).parallelism(2).build())
                .mine(Baskets.ofMasks(masks, RandomBaskets.names(64)));
        Map<Long, Long> expected = new HashMap<>();
        levelWise(masks, 0L, 0, 60, expected);
        assertThat(mined(sets)).isEqualTo(expected);
        assertThat(expected).containsKey(0xF000_0000_0000_0001L);
    }

    /** Extends {@code prefix} by every item from {@code from} on, counting each candidate by a scan. */
    private static void levelWise(long[] masks, long prefix, int from, long minCount, Map<Long, Long> out) {
        for (int i = from; i < 64; i++) {
            long z = prefix | (1L << i);
            long c = 0;
            for (long m : masks) {
                c += (m & z) == z ? 1 : 0;
            }
            if (c >= minCount) {
                out.put(z, c);
                levelWise(masks, z, i + 1, minCount, out);
            }
        }
    }

    @Test
    @DisplayName("the same itemsets in the same order for one, two and five threads")
    void sameForAnyThreadCount() {
        long[] masks = RandomBaskets.masks(11, 20_000, 24);
        Baskets baskets = Baskets.ofMasks(masks, RandomBaskets.names(24));
        FrequentItemsets one = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.003).parallelism(1).build())
                .mine(baskets);
        for (int threads : new int[] {2, 5}) {
            FrequentItemsets many = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.003)
                    .parallelism(threads).build()).mine(baskets);
            assertThat(many.itemsets()).isEqualTo(one.itemsets());
        }
        assertThat(one.size()).isGreaterThan(1000);
    }

    @Test
    @DisplayName("finds an itemset by its names, and nothing for an infrequent one")
    void findByNames() {
        Baskets baskets = Baskets.of(List.of(List.of("FUND", "DEPOSIT"), List.of("FUND"), List.of("DEPOSIT", "CARD")));
        FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minCount(1).build()).mine(baskets);
        assertThat(sets.find(List.of("DEPOSIT", "FUND"))).contains(new Itemset(List.of("FUND", "DEPOSIT"), 1, 1.0 / 3));
        assertThat(sets.find(List.of("FUND", "CARD"))).isEmpty();
        assertThat(sets.find(List.of("DEPOSIT"))).map(Itemset::count).contains(2L);
    }
}

package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBruteForceTest {

    private static long count(long[] masks, long z) {
        long c = 0;
        for (long m : masks) {
            c += (m & z) == z ? 1 : 0;
        }
        return c;
    }

    /** Every rule of every frequent itemset, its metrics from counts taken by scanning the baskets. */
    private static Map<List<Long>, double[]> bruteForce(long[] masks, int items, long minCount, RuleConfig config) {
        Map<List<Long>, double[]> out = new HashMap<>();
        double n = masks.length;
        for (long z = 1; z < (1L << items); z++) {
            long nz = count(masks, z);
            if (Long.bitCount(z) < 2 || nz < minCount) {
                continue;
            }
            for (long a = 1; a < z; a++) {
                if ((a & ~z) != 0) {
                    continue;
                }
                long c = z & ~a;
                if (config.semantics() == RuleSemantics.SINGLE_CONSEQUENT && Long.bitCount(c) != 1) {
                    continue;
                }
                double na = count(masks, a);
                double nc = count(masks, c);
                double conf = nz / na;
                double lift = conf / (nc / n);
                if (conf >= config.minConfidence() && lift >= config.minLift()) {
                    double conviction = nz == na ? Double.POSITIVE_INFINITY : (1 - nc / n) / (1 - conf);
                    out.put(List.of(a, c), new double[] {nz, nz / n, conf, lift, nz / n - (na / n) * (nc / n), conviction});
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}, {1}, confidence {2}, lift {3}")
    @CsvSource({"1, SINGLE_CONSEQUENT, 0.3, 0", "1, ALL_SPLITS, 0.3, 0", "2, SINGLE_CONSEQUENT, 0, 0",
        "2, ALL_SPLITS, 0, 0", "3, ALL_SPLITS, 0.6, 1.2", "4, SINGLE_CONSEQUENT, 0.9, 0"})
    @DisplayName("gives exactly the rules brute force derives, with every metric, ranked")
    void equalsBruteForce(long seed, RuleSemantics semantics, double minConfidence, double minLift) {
        int items = 11;
        long[] masks = RandomBaskets.masks(seed, 2500, items);
        Baskets baskets = Baskets.ofMasks(masks, RandomBaskets.names(items));
        FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.01).build()).mine(baskets);
        RuleConfig config = RuleConfig.custom().semantics(semantics).minConfidence(minConfidence).minLift(minLift).build();
        AssociationRules rules = sets.rules(config);

        Map<List<Long>, double[]> expected = bruteForce(masks, items, sets.minCount(), config);
        assertThat(rules.size()).isEqualTo(expected.size()).isPositive();
        for (int i = 0; i < rules.size(); i++) {
            AssociationRule r = rules.rule(i);
            double[] e = expected.get(List.of(rules.antecedent(i), rules.consequent(i)));
            assertThat(e).as("rule %s => %s", r.antecedent(), r.consequent()).isNotNull();
            assertThat(new double[] {r.count(), r.support(), r.confidence(), r.lift(), r.leverage(), r.conviction()})
                    .containsExactly(e);
            assertThat(r.antecedent()).isEqualTo(Baskets.names(baskets.items(), rules.antecedent(i)));
            if (i > 0) {
                assertThat(r.confidence()).isLessThanOrEqualTo(rules.rule(i - 1).confidence());
            }
        }
    }
}

package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasketValidationTest {

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasViolationOn(field))
                        .as("violation on %s in %s", field, e.getMessage()).isTrue());
    }

    @Test
    @DisplayName("minimum support must be above 0 and at most 1, a count at least 1")
    void supportRange() {
        refused(() -> MiningConfig.custom().minSupport(0), "basket.minSupport");
        refused(() -> MiningConfig.custom().minSupport(-0.1), "basket.minSupport");
        refused(() -> MiningConfig.custom().minSupport(1.5), "basket.minSupport");
        refused(() -> MiningConfig.custom().minSupport(Double.NaN), "basket.minSupport");
        refused(() -> MiningConfig.custom().minCount(0), "basket.minCount");
        refused(() -> MiningConfig.custom().maxLength(0), "basket.maxLength");
        refused(() -> MiningConfig.custom().parallelism(0), "basket.parallelism");
        refused(() -> RuleConfig.custom().minConfidence(1.01), "basket.minConfidence");
        refused(() -> RuleConfig.custom().minLift(-1), "basket.minLift");
        refused(() -> RuleConfig.custom().semantics(null), "basket.semantics");
    }

    @Test
    @DisplayName("more than 64 distinct items, null baskets, bad names and out-of-range numbers are refused")
    void basketInput() {
        List<List<String>> wide = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            wide.add(List.of("P" + i));
        }
        refused(() -> Baskets.of(wide), "baskets");
        refused(() -> Baskets.of(null), "baskets");
        refused(() -> Baskets.of(Arrays.asList(List.of("A"), null)), "baskets[1]");
        refused(() -> Baskets.of(List.of(List.of("A"), List.of(" "))), "baskets[1]");
        refused(() -> Baskets.of(List.of(List.of("A\u0007"))), "baskets[0]");
        refused(() -> Baskets.ofIndices(new int[][] {{0, 2}}, List.of("A", "B")), "baskets[0]");
        refused(() -> Baskets.ofIndices(new int[][] {{0}}, List.of("A", "A")), "items[1]");
        refused(() -> Baskets.ofIndices(new int[][] {{0}}, List.of()), "items");
        refused(() -> Baskets.ofMasks(new long[] {0b100}, List.of("A", "B")), "masks[0]");
        refused(() -> Baskets.ofMasks(new long[] {1}, List.of("A")).withKeys(List.of("k", "k2")), "keys");
        refused(() -> Baskets.ofMasks(new long[] {1, 1}, List.of("A")).withKeys(List.of("k", "k")), "keys");
        assertThat(Baskets.ofIndices(new int[][] {{1, 1, 0}, {}}, List.of("A", "B")).basket(0)).containsExactly("A", "B");
    }

    @Test
    @DisplayName("a run that would find more itemsets than the bound stops, naming the minimum support")
    void itemsetBound() {
        long[] full = new long[50];
        Arrays.fill(full, (1L << 30) - 1);   // every subset of 30 items is frequent: 2^30 itemsets
        Baskets baskets = Baskets.ofMasks(full, RandomBaskets.names(30));
        refused(() -> FrequentItemsetMiner.of(MiningConfig.custom().minCount(1).maxItemsets(10_000).build())
                .mine(baskets), "basket.minSupport");
        FrequentItemsets three = FrequentItemsetMiner.of(MiningConfig.custom().minCount(1).maxLength(2).build())
                .mine(baskets);
        assertThat(three.size()).isEqualTo(30 + 30 * 29 / 2);
        refused(() -> three.rules(RuleConfig.custom().minConfidence(0).maxRules(100).build()), "basket.maxRules");
        refused(() -> three.find(List.of("NOPE")), "items");
    }

    @Test
    @DisplayName("messages and toString carry no customer keys")
    void noKeysInMessages() {
        Baskets keyed = Baskets.ofMasks(new long[] {1, 1}, List.of("A"));
        assertThatThrownBy(() -> keyed.withKeys(List.of("CANARY-123", "CANARY-123")))
                .hasMessageNotContaining("CANARY");
        assertThat(keyed.withKeys(List.of("CANARY-1", "CANARY-2")).toString()).doesNotContain("CANARY");
    }
}

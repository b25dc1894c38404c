package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartnerProductsTest {

    /**
     * 100 customers: 40 hold FUND+DEPOSIT, 30 of them also INSURANCE; 10 hold INSURANCE alone, 10
     * FUND alone, 40 DEPOSIT alone. So P(INSURANCE | FUND, DEPOSIT) = 75%, P(INSURANCE) = 40%, lift
     * 1.875; P(DEPOSIT | FUND) = 80%; P(INSURANCE | FUND) = 60%.
     */
    private static Baskets baskets() {
        List<List<String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i < 30) {
                rows.add(List.of("FUND", "DEPOSIT", "INSURANCE"));
            } else if (i < 40) {
                rows.add(List.of("FUND", "DEPOSIT"));
            } else if (i < 50) {
                rows.add(List.of("INSURANCE"));
            } else if (i < 60) {
                rows.add(List.of("FUND"));
            } else {
                rows.add(List.of("DEPOSIT"));
            }
            keys.add("C-" + i);
        }
        return Baskets.of(rows).withKeys(keys);
    }

    @Test
    @DisplayName("suggests the consequent of rules whose antecedent the customer holds, with the reason in words")
    void suggestsInsuranceToFundAndDepositHolders() {
        Baskets baskets = baskets();
        AssociationRules rules = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.1).build()).mine(baskets)
                .rules(RuleConfig.custom().minConfidence(0.7).build());
        PartnerProducts ptp = PartnerProducts.of(rules, baskets);

        List<PartnerSuggestion> forC35 = ptp.suggestFor("C-35", 5);   // holds FUND and DEPOSIT only
        assertThat(forC35).extracting(PartnerSuggestion::products).containsExactly(List.of("INSURANCE"));
        assertThat(forC35.get(0).reason())
                .isEqualTo("75% of customers holding FUND and DEPOSIT also hold INSURANCE; lift 1.9");
        assertThat(forC35.get(0).rule().lift()).isEqualTo(0.75 / 0.4);

        assertThat(ptp.suggestFor("C-5", 5)).as("already holds everything").isEmpty();
        assertThat(ptp.suggestFor("C-99", 5)).as("DEPOSIT alone: no rule with confidence 0.7").isEmpty();
        assertThat(ptp.suggestFor("unknown", 5)).isEmpty();
        assertThat(ptp.suggest(List.of("FUND", "OTHER"), 5)).extracting(PartnerSuggestion::products)
                .containsExactly(List.of("DEPOSIT"));   // FUND => DEPOSIT at 80%; FUND => INSURANCE at 60% is below 70%
    }

    @Test
    @DisplayName("with every split, multi-item consequents are offered once each, best rule first")
    void allSplitsOfferEachConsequentOnce() {
        Baskets baskets = baskets();
        AssociationRules rules = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.1).build()).mine(baskets)
                .rules(RuleConfig.custom().semantics(RuleSemantics.ALL_SPLITS).minConfidence(0.1).build());
        List<PartnerSuggestion> s = PartnerProducts.of(rules, baskets).suggest(List.of("FUND"), 10);
        assertThat(s).extracting(PartnerSuggestion::products)
                .containsExactly(List.of("DEPOSIT"), List.of("DEPOSIT", "INSURANCE"), List.of("INSURANCE"));
        assertThat(s.get(1).reason()).isEqualTo("60% of customers holding FUND also hold DEPOSIT and INSURANCE; lift 2.0");
    }
}

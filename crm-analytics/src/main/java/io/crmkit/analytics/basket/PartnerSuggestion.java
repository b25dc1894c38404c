package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.List;

/**
 * A partner product to offer one customer: the products they do not hold yet, the rule that
 * suggests them (its antecedent they all hold) and the reason in plain words.
 *
 * <p>Immutable and thread-safe.
 *
 * @param products the rule's consequent: items the customer holds none of
 * @param rule the best-ranked rule suggesting exactly these products
 * @param reason for example {@code "73% of customers holding FUND and DEPOSIT also hold INSURANCE; lift 2.1"}
 */
public record PartnerSuggestion(List<String> products, AssociationRule rule, String reason) {
    public PartnerSuggestion {
        products = List.copyOf(Checks.notNull(products, "suggestion.products"));
        Checks.notNull(rule, "suggestion.rule");
        Checks.text(reason, 1000, "suggestion.reason");
    }
}

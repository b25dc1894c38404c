/**
 * Market-basket analysis over product holdings (交叉销售 / PTP analysis): frequent itemsets with
 * their support, association rules with confidence, lift, leverage and conviction under both rule
 * semantics users know (single-item consequents as in Spark's {@code FPGrowth.associationRules},
 * every antecedent/consequent split as in Smile's {@code ARM}), and the partner-product
 * suggestion for one customer with its reason in plain words.
 *
 * <p>A basket is one customer's set of distinct items (product lines, instruments), at most
 * {@value io.crmkit.analytics.basket.Baskets#MAX_ITEMS} distinct items per data set, so that a
 * basket fits in one {@code long} and the miner works on bit masks.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.analytics.basket;

import org.jspecify.annotations.NullMarked;

package io.crmkit.analytics.basket;

/**
 * Which rules a frequent itemset gives.
 *
 * <p>Thread-safe (an enum).
 */
public enum RuleSemantics {
    /**
     * One item on the right: for itemset Z, the rules {@code Z \ {c} => {c}} for each item c of Z.
     * What Spark's {@code FPGrowthModel.associationRules} gives.
     */
    SINGLE_CONSEQUENT,
    /**
     * Every split: for itemset Z, the rules {@code A => Z \ A} for each non-empty proper subset A
     * of Z. What Smile's {@code ARM} gives.
     */
    ALL_SPLITS
}

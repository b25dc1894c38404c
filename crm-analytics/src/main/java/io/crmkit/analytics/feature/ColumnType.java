package io.crmkit.analytics.feature;

/**
 * The storage type of a {@link FeatureFrame} column.
 *
 * <p>Immutable and thread-safe.
 */
public enum ColumnType {
    /** Finite doubles: amounts, ratios, scores. */
    DOUBLE,
    /** 32-bit integers: counts, days, bands. */
    INT,
    /** 64-bit integers: epoch days, large counts. */
    LONG,
    /** Labels stored as int codes into a list of levels, e.g. tiers or regions. */
    CATEGORY
}

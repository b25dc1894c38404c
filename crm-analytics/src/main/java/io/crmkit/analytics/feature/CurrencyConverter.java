package io.crmkit.analytics.feature;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Converts an amount into the reporting currency for features that add money across accounts.
 * Implementations must be thread-safe and deterministic within one read.
 */
@FunctionalInterface
public interface CurrencyConverter {

    /**
     * @return the amount in the reporting currency, or {@code Double.NaN} when no rate is known
     *         (the reader then leaves the amount out and counts it)
     */
    double toReporting(BigDecimal amount, Currency currency);

    /** Accepts only the reporting currency itself; any other currency has no rate. */
    static CurrencyConverter only(Currency reporting) {
        return (amount, currency) -> currency.equals(reporting) ? amount.doubleValue() : Double.NaN;
    }
}

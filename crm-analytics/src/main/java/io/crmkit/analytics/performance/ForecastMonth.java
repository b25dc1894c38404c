package io.crmkit.analytics.performance;

import java.time.YearMonth;

/**
 * The open pipeline expected to close in one month, weighted by stage probability.
 *
 * <p>Immutable and thread-safe.
 *
 * @param month       the expected close month, or null for opportunities without a date
 * @param count       open opportunities
 * @param amount      their amounts
 * @param weighted    Σ amount × probability / 100
 */
public record ForecastMonth(YearMonth month, long count, double amount, double weighted) {
}

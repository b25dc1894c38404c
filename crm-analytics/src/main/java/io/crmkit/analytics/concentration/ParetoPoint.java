package io.crmkit.analytics.concentration;

/**
 * A point of the Pareto (concentration) curve: the top {@code customerShare} of customers by
 * revenue bring {@code revenueShare} of the revenue. Both 0 to 1. Immutable and thread-safe.
 */
public record ParetoPoint(double customerShare, double revenueShare) {
}

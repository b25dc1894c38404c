package io.crmkit.analytics.clv;

/**
 * The time unit of recency, age and horizons, and so of the models' scale parameters (alpha,
 * beta): a model fitted in weeks predicts in weeks. Months for discounting are 30 days or
 * 4.345 weeks, as in the {@code lifetimes} package.
 *
 * <p>Immutable and thread-safe.
 */
public enum PeriodUnit {
    /** Calendar days. */
    DAYS(1, 30.0),
    /** Weeks of seven days. */
    WEEKS(7, 4.345);

    private final int days;
    private final double perMonth;

    PeriodUnit(int days, double perMonth) {
        this.days = days;
        this.perMonth = perMonth;
    }

    /** Days in one period. */
    public int days() {
        return days;
    }

    /** Periods in one discounting month. */
    public double periodsPerMonth() {
        return perMonth;
    }

    /** {@code days} expressed in this unit. */
    public double fromDays(long days) {
        return days / (double) this.days;
    }
}

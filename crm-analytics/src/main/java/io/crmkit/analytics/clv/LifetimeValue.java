package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;

/**
 * Discounted customer lifetime value over a horizon of whole months, as the {@code lifetimes}
 * package's {@code customer_lifetime_value} computes it: for month k = 1..months, the expected
 * purchases in that month (the difference of the conditional expectations at k and k - 1 months)
 * times the expected spend per purchase, divided by (1 + monthly rate)^k. A month is 30 days or
 * 4.345 weeks ({@link PeriodUnit#periodsPerMonth()}).
 *
 * <p>Build with {@link #custom()} or {@link #ofDefaults()} (12 months at 1% a month); every
 * setter checks its range and names the field. Immutable and thread-safe.
 */
public final class LifetimeValue {

    private final int months;
    private final double monthlyDiscountRate;

    private LifetimeValue(Builder b) {
        months = b.months;
        monthlyDiscountRate = b.rate;
    }

    public static LifetimeValue ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public int months() {
        return months;
    }

    public double monthlyDiscountRate() {
        return monthlyDiscountRate;
    }

    /**
     * CLV of every row: the purchase model's expected purchases times the Gamma-Gamma
     * conditional expected spend of the row.
     */
    public double[] compute(PurchaseModel purchases, GammaGammaModel spend, CustomerSummaries data) {
        Checks.notNull(purchases, "purchases");
        Checks.notNull(spend, "spend");
        double[] perPurchase = spend.conditionalExpectedSpend(data);
        if (data.unit() != purchases.unit()) {
            throw Checks.invalid("data.unit", "SameUnit", "must be the purchase model's unit " + purchases.unit());
        }
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(purchases, perPurchase[i], data.frequency(i), data.recency(i), data.age(i));
        }
        return out;
    }

    /** CLV of one customer with history (x, t_x, T) and expected spend per purchase. */
    public double value(PurchaseModel purchases, double spendPerPurchase, int x, double tx, double age) {
        Checks.notNull(purchases, "purchases");
        if (!(Double.isFinite(spendPerPurchase) && spendPerPurchase >= 0)) {
            throw Checks.invalid("spendPerPurchase", "NonNegative", "must be a finite number >= 0");
        }
        double month = purchases.unit().periodsPerMonth();
        double previous = 0;
        double total = 0;
        for (int k = 1; k <= months; k++) {
            double cumulative = purchases.conditionalExpectedPurchases(k * month, x, tx, age);
            total += spendPerPurchase * (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, k);
            previous = cumulative;
        }
        return total;
    }

    @Override
    public String toString() {
        return "LifetimeValue[months=" + months + ", monthlyDiscountRate=" + monthlyDiscountRate + "]";
    }

    /** Builder of {@link LifetimeValue}; not thread-safe. */
    public static final class Builder {
        private int months = 12;
        private double rate = 0.01;

        private Builder() {
        }

        /** Horizon in months, 1 to 1,200. */
        public Builder months(int value) {
            months = Checks.between(value, 1, 1200, "clv.months");
            return this;
        }

        /** Discount rate per month, 0 to 1 (0.01 = 1% a month). */
        public Builder monthlyDiscountRate(double value) {
            rate = Checks.between(value, 0.0, 1.0, "clv.monthlyDiscountRate");
            return this;
        }

        public LifetimeValue build() {
            return new LifetimeValue(this);
        }
    }
}

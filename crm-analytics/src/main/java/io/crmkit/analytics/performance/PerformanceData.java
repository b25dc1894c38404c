package io.crmkit.analytics.performance;

import io.crmkit.analytics.internal.Checks;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * The columns a {@link PerformanceReport} is computed from, one row per customer, one per
 * opportunity and one per referral; filled from the store by {@link StorePerformanceReader} or by a
 * host from its own arrays.
 *
 * <pre>{@code
 * PerformanceData data = PerformanceData.builder(org, 3)
 *     .customerKeys(new String[] {"C1", "C2", "C3"})
 *     .owners(new int[] {0, 0, 1}).bookAtStart(new boolean[] {true, true, false}).bookAtEnd(new boolean[] {true, false, true})
 *     .assets(new double[] {100, 50, 0}, new double[] {130, 0, 40}, new double[] {10, -50, 40})
 *     .build();
 * }</pre>
 *
 * <p>Customer columns (all optional except the owners; absent ones count as zero / false):
 * owner (staff index in the chart, -1 none), unit (the customer's branch index, used when there is
 * no owner), on the book at the period's start and end (ACTIVE or DORMANT), became ACTIVE by the
 * end (for referral conversion), assets at start and end and net flows (deposits minus
 * withdrawals, transfers in minus out) in the reporting currency, interactions in the period,
 * contribution, product lines held. Opportunity columns: owner, opened in the period, closed in
 * the period as won / lost, open amount, stage probability and expected close month. Referrals:
 * pairs of customer rows (referrer, referred).
 *
 * <p>Immutable by contract: the builder takes ownership of the arrays. Thread-safe.
 */
public final class PerformanceData {

    /** Opportunity outcome codes in {@link Builder#opportunities}. */
    public static final byte OPEN = 0;
    public static final byte WON = 1;
    public static final byte LOST = 2;
    /** Any other status at the period's end, or closed outside the period. */
    public static final byte OTHER = 3;

    final OrgChart org;
    final int n;
    final String[] keys;
    final int[] owner;
    final int[] unit;
    final boolean[] bookStart;
    final boolean[] bookEnd;
    final boolean[] becameActive;
    final double[] aumStart;
    final double[] aumEnd;
    final double[] flows;
    final int[] interactions;
    final double[] contribution;
    final int[] products;
    final int[] oppOwner;
    final boolean[] oppOpened;
    final byte[] oppOutcome;
    final double[] oppAmount;
    final int[] oppProbability;
    final int[] oppCloseMonth;
    final int[] referrer;
    final int[] referred;

    private PerformanceData(Builder b) {
        this.org = b.org;
        this.n = b.n;
        this.keys = b.keys;
        this.owner = b.owner == null ? filled(n, -1) : b.owner;
        this.unit = b.unit == null ? filled(n, -1) : b.unit;
        this.bookStart = b.bookStart == null ? new boolean[n] : b.bookStart;
        this.bookEnd = b.bookEnd == null ? new boolean[n] : b.bookEnd;
        this.becameActive = b.becameActive == null ? new boolean[n] : b.becameActive;
        this.aumStart = b.aumStart == null ? new double[n] : b.aumStart;
        this.aumEnd = b.aumEnd == null ? new double[n] : b.aumEnd;
        this.flows = b.flows == null ? new double[n] : b.flows;
        this.interactions = b.interactions == null ? new int[n] : b.interactions;
        this.contribution = b.contribution == null ? new double[n] : b.contribution;
        this.products = b.products == null ? new int[n] : b.products;
        this.oppOwner = b.oppOwner == null ? new int[0] : b.oppOwner;
        this.oppOpened = b.oppOpened == null ? new boolean[0] : b.oppOpened;
        this.oppOutcome = b.oppOutcome == null ? new byte[0] : b.oppOutcome;
        this.oppAmount = b.oppAmount == null ? new double[0] : b.oppAmount;
        this.oppProbability = b.oppProbability == null ? new int[0] : b.oppProbability;
        this.oppCloseMonth = b.oppCloseMonth == null ? new int[0] : b.oppCloseMonth;
        this.referrer = b.referrer == null ? new int[0] : b.referrer;
        this.referred = b.referred == null ? new int[0] : b.referred;
    }

    public static Builder builder(OrgChart org, int customers) {
        return new Builder(org, customers);
    }

    public OrgChart org() {
        return org;
    }

    /** Customers (rows). */
    public int size() {
        return n;
    }

    /** The customer key of a row (its CustomerId text), or the row number when none were given. */
    public String customerKey(int row) {
        return keys == null ? Integer.toString(row) : keys[row];
    }

    /** Encodes a close month as the builder's int: {@code year * 12 + month - 1}. */
    public static int month(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Builder; validates every column at once, naming it. Not thread-safe. */
    public static final class Builder {
        private final OrgChart org;
        private final int n;
        private String[] keys;
        private int[] owner;
        private int[] unit;
        private boolean[] bookStart;
        private boolean[] bookEnd;
        private boolean[] becameActive;
        private double[] aumStart;
        private double[] aumEnd;
        private double[] flows;
        private int[] interactions;
        private double[] contribution;
        private int[] products;
        private int[] oppOwner;
        private boolean[] oppOpened;
        private byte[] oppOutcome;
        private double[] oppAmount;
        private int[] oppProbability;
        private int[] oppCloseMonth;
        private int[] referrer;
        private int[] referred;

        private Builder(OrgChart org, int customers) {
            this.org = Checks.notNull(org, "performance.org");
            if (customers < 0) {
                throw Checks.invalid("performance.customers", "Range", "must be at least 0");
            }
            this.n = customers;
        }

        public Builder customerKeys(String[] keys) {
            this.keys = length(keys, n, "performance.customerKeys");
            return this;
        }

        /** Owner staff index per customer, -1 for none. */
        public Builder owners(int[] staff) {
            this.owner = indexes(staff, n, org.staffIds().size(), "performance.owners");
            return this;
        }

        /** The customer's own unit (branch) index, -1 for none; used for customers without an owner. */
        public Builder units(int[] units) {
            this.unit = indexes(units, n, org.unitIds().size(), "performance.units");
            return this;
        }

        public Builder bookAtStart(boolean[] onBook) {
            this.bookStart = length(onBook, n, "performance.bookAtStart");
            return this;
        }

        public Builder bookAtEnd(boolean[] onBook) {
            this.bookEnd = length(onBook, n, "performance.bookAtEnd");
            return this;
        }

        public Builder becameActive(boolean[] active) {
            this.becameActive = length(active, n, "performance.becameActive");
            return this;
        }

        /** Assets at the start and the end, and the net flows in between; market movement is the rest. */
        public Builder assets(double[] atStart, double[] atEnd, double[] netFlows) {
            this.aumStart = finite(atStart, n, "performance.assetsAtStart");
            this.aumEnd = finite(atEnd, n, "performance.assetsAtEnd");
            this.flows = finite(netFlows, n, "performance.netFlows");
            return this;
        }

        public Builder interactions(int[] counts) {
            this.interactions = nonNegative(counts, n, "performance.interactions");
            return this;
        }

        public Builder contribution(double[] values) {
            this.contribution = finite(values, n, "performance.contribution");
            return this;
        }

        /** Product lines held per customer. */
        public Builder products(int[] counts) {
            this.products = nonNegative(counts, n, "performance.products");
            return this;
        }

        /**
         * Opportunities, one entry per opportunity: owner staff index (-1 none), opened in the period,
         * outcome ({@link #OPEN}, {@link #WON} or {@link #LOST} in the period, {@link #OTHER}), the open
         * amount in the reporting currency, the stage probability 0..100, the expected close month
         * ({@link PerformanceData#month}, -1 none).
         */
        public Builder opportunities(int[] owners, boolean[] opened, byte[] outcome, double[] amount,
                                     int[] probability, int[] closeMonth) {
            int m = Checks.notNull(owners, "performance.opportunityOwners").length;
            this.oppOwner = indexes(owners, m, org.staffIds().size(), "performance.opportunityOwners");
            this.oppOpened = length(opened, m, "performance.opportunityOpened");
            this.oppOutcome = length(outcome, m, "performance.opportunityOutcome");
            for (int i = 0; i < m; i++) {
                if (outcome[i] < OPEN || outcome[i] > OTHER) {
                    throw Checks.invalid("performance.opportunityOutcome[" + i + "]", "Range", "must be 0 to 3");
                }
            }
            this.oppAmount = finite(amount, m, "performance.opportunityAmount");
            this.oppProbability = length(probability, m, "performance.opportunityProbability");
            for (int i = 0; i < m; i++) {
                if (probability[i] < 0 || probability[i] > 100 || amount[i] < 0) {
                    throw Checks.invalid("performance.opportunity[" + i + "]", "Range",
                            "probability must be 0 to 100 and the amount at least 0");
                }
            }
            this.oppCloseMonth = length(closeMonth, m, "performance.opportunityCloseMonth");
            return this;
        }

        /** Referrals as pairs of customer rows: {@code referrers[i]} introduced {@code referredRows[i]}. */
        public Builder referrals(int[] referrers, int[] referredRows) {
            int m = Checks.notNull(referrers, "performance.referrers").length;
            this.referrer = indexes(referrers, m, n, "performance.referrers");
            this.referred = indexes(referredRows, m, n, "performance.referred");
            for (int i = 0; i < m; i++) {
                if (referrers[i] < 0 || referredRows[i] < 0) {
                    throw Checks.invalid("performance.referrals[" + i + "]", "Range", "must name two customer rows");
                }
            }
            return this;
        }

        public PerformanceData build() {
            return new PerformanceData(this);
        }

        private static <T> T length(T array, int expected, String field) {
            Checks.notNull(array, field);
            Checks.sameLength(expected, java.lang.reflect.Array.getLength(array), field);
            return array;
        }

        private static int[] indexes(int[] values, int expected, int bound, String field) {
            length(values, expected, field);
            for (int i = 0; i < values.length; i++) {
                if (values[i] < -1 || values[i] >= bound) {
                    throw Checks.invalid(field + "[" + i + "]", "Range", "must be -1 or an index below " + bound);
                }
            }
            return values;
        }

        private static int[] nonNegative(int[] values, int expected, String field) {
            length(values, expected, field);
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    throw Checks.invalid(field + "[" + i + "]", "Range", "must be at least 0");
                }
            }
            return values;
        }

        private static double[] finite(double[] values, int expected, String field) {
            length(values, expected, field);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw Checks.invalid(field + "[" + i + "]", "Finite", "must be a finite number");
                }
            }
            return values;
        }
    }
}

package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-customer purchase dates (and amounts, when known) into the models' input, the way the
 * literature does: purchases on the same day are one purchase (their amounts added); x is the
 * number of distinct purchase days after the first; t_x and T run from the first purchase to the
 * last one and to the end of observation, in the chosen {@link PeriodUnit}; the spend is the mean
 * of the repeat days' totals. Customers whose first purchase is after the end are left out.
 *
 * <p>Feed it from a host's transaction feed with {@link #add}, or from the CRM store with
 * {@link StorePurchases}. Memory grows with the number of purchase days held; at most
 * {@value #MAX_CUSTOMERS} customers and {@value #MAX_EVENTS} purchases. Rows come out in key
 * order.
 *
 * <p>Not thread-safe: one builder per loading thread. The summaries it builds are immutable.
 */
public final class PurchaseHistory {

    /** Largest number of customers held. */
    public static final int MAX_CUSTOMERS = CustomerSummaries.MAX_CUSTOMERS;
    /** Largest number of purchases held. */
    public static final long MAX_EVENTS = 1_000_000_000L;

    private final PeriodUnit unit;
    private final Map<String, Days> customers = new HashMap<>();
    private long events;
    private boolean allAmounts = true;

    private PurchaseHistory(PeriodUnit unit) {
        this.unit = unit;
    }

    /** An empty history whose summaries are in {@code unit}. */
    public static PurchaseHistory builder(PeriodUnit unit) {
        return new PurchaseHistory(Checks.notNull(unit, "unit"));
    }

    /** Records a purchase of unknown amount (the summaries then carry no spend). */
    public PurchaseHistory add(String customerKey, LocalDate day) {
        allAmounts = false;
        return put(customerKey, day, 0);
    }

    /** Records a purchase of {@code amount} (finite, >= 0) on {@code day}. */
    public PurchaseHistory add(String customerKey, LocalDate day, double amount) {
        if (!(Double.isFinite(amount) && amount >= 0)) {
            throw Checks.invalid("amount", "NonNegative", "must be a finite number >= 0");
        }
        return put(customerKey, day, amount);
    }

    private PurchaseHistory put(String customerKey, LocalDate day, double amount) {
        Checks.text(customerKey, 64, "customerKey");
        Checks.notNull(day, "day");
        if (events >= MAX_EVENTS) {
            throw Checks.invalid("purchases", "Size", "must be at most " + MAX_EVENTS);
        }
        Days d = customers.get(customerKey);
        if (d == null) {
            if (customers.size() >= MAX_CUSTOMERS) {
                throw Checks.invalid("customers", "Size", "must be at most " + MAX_CUSTOMERS);
            }
            d = new Days();
            customers.put(customerKey, d);
        }
        d.add(day.toEpochDay(), amount);
        events++;
        return this;
    }

    /** Customers with at least one purchase so far. */
    public int customers() {
        return customers.size();
    }

    /**
     * The summaries as of the end of {@code observationEnd} (purchases after it are ignored).
     *
     * @throws io.crmkit.core.error.ValidationException when no customer bought by then
     */
    public CustomerSummaries summarize(LocalDate observationEnd) {
        Checks.notNull(observationEnd, "observationEnd");
        return cut(observationEnd, null).calibration();
    }

    /**
     * A calibration/holdout split: summaries up to {@code calibrationEnd}, and for each of those
     * customers the purchase days in (calibrationEnd, holdoutEnd].
     */
    public CalibrationHoldout split(LocalDate calibrationEnd, LocalDate holdoutEnd) {
        Checks.notNull(calibrationEnd, "calibrationEnd");
        Checks.notNull(holdoutEnd, "holdoutEnd");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw Checks.invalid("holdoutEnd", "After", "must be after calibrationEnd");
        }
        return cut(calibrationEnd, holdoutEnd);
    }

    private CalibrationHoldout cut(LocalDate end, LocalDate holdoutEnd) {
        long endDay = end.toEpochDay();
        long holdoutDay = holdoutEnd == null ? endDay : holdoutEnd.toEpochDay();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Days> e : customers.entrySet()) {
            if (e.getValue().firstDay() <= endDay) {
                keys.add(e.getKey());
            }
        }
        if (keys.isEmpty()) {
            throw Checks.invalid("observationEnd", "HasPurchases", "must be on or after some customer's first purchase");
        }
        keys.sort(null);
        int n = keys.size();
        String[] ids = keys.toArray(new String[0]);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] money = allAmounts ? new double[n] : null;
        double[] holdout = new double[n];
        for (int i = 0; i < n; i++) {
            Days d = customers.get(ids[i]);
            d.compact();
            long first = d.day[0];
            int repeat = 0;
            long last = first;
            double repeatTotal = 0;
            int after = 0;
            for (int k = 1; k < d.size; k++) {
                if (d.day[k] <= endDay) {
                    repeat++;
                    last = d.day[k];
                    repeatTotal += d.amount[k];
                } else if (d.day[k] <= holdoutDay) {
                    after++;
                }
            }
            x[i] = repeat;
            tx[i] = unit.fromDays(last - first);
            age[i] = unit.fromDays(endDay - first);
            if (money != null) {
                money[i] = repeat == 0 ? 0 : repeatTotal / repeat;
            }
            holdout[i] = after;
        }
        CustomerSummaries cal = CustomerSummaries.ofArrays(unit, ids, x, tx, age, money);
        return new CalibrationHoldout(cal, holdout, unit.fromDays(holdoutDay - endDay));
    }

    /** One customer's purchase days, kept sorted and merged lazily. */
    private static final class Days {
        long[] day = new long[2];
        double[] amount = new double[2];
        int size;
        boolean sorted = true;

        void add(long epochDay, double value) {
            if (size > 0 && day[size - 1] == epochDay) {
                amount[size - 1] += value;
                return;
            }
            if (size == day.length) {
                day = Arrays.copyOf(day, size * 2);
                amount = Arrays.copyOf(amount, size * 2);
            }
            if (size > 0 && epochDay < day[size - 1]) {
                sorted = false;
            }
            day[size] = epochDay;
            amount[size++] = value;
        }

        long firstDay() {
            compact();
            return day[0];
        }

        /** Sorts by day and merges purchases of the same day (feeds need not arrive in order). */
        void compact() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Long.compare(day[p], day[q]));
            long[] d = new long[size];
            double[] a = new double[size];
            int m = 0;
            for (int i = 0; i < size; i++) {
                long v = day[order[i]];
                if (m > 0 && d[m - 1] == v) {
                    a[m - 1] += amount[order[i]];
                } else {
                    d[m] = v;
                    a[m++] = amount[order[i]];
                }
            }
            day = d;
            amount = a;
            size = m;
            sorted = true;
        }
    }
}

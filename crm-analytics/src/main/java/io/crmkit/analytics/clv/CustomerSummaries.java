package io.crmkit.analytics.clv;

import io.crmkit.analytics.clv.internal.Groups;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The input of every model: per customer x (repeat purchases), t_x (recency), T (age) in one
 * {@link PeriodUnit}, optionally the mean repeat spend, and optionally a key per customer. Rows
 * follow the rules of {@link RfmSummary}; x arrives as a double from outside and must be
 * integer-valued.
 *
 * <p>Construction copies the arrays and validates every row, reporting up to
 * {@value #MAX_REPORTED} violations at once in one {@link ValidationException} whose fields name
 * the column and row, for example {@code tx[17] [Range]: must be between 0 and T}. Messages never
 * quote the values. At most {@value #MAX_CUSTOMERS} customers.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerSummaries {

    /** Largest number of customers accepted. */
    public static final int MAX_CUSTOMERS = 50_000_000;
    static final int MAX_REPORTED = 20;

    private final PeriodUnit unit;
    private final String[] ids;
    private final int[] x;
    private final double[] tx;
    private final double[] age;
    private final double[] monetary;
    private volatile Groups groups;

    private CustomerSummaries(PeriodUnit unit, String[] ids, int[] x, double[] tx, double[] age, double[] monetary) {
        this.unit = unit;
        this.ids = ids;
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.monetary = monetary;
    }

    /** From arrays of x, t_x and T, without keys (row numbers serve) or spend. */
    public static CustomerSummaries ofArrays(PeriodUnit unit, double[] x, double[] tx, double[] age) {
        return ofArrays(unit, null, x, tx, age, null);
    }

    /**
     * From arrays; {@code ids} and {@code monetary} may be null.
     *
     * @throws ValidationException naming the column and row of each broken rule
     */
    public static CustomerSummaries ofArrays(PeriodUnit unit, String[] ids, double[] x, double[] tx, double[] age,
            double[] monetary) {
        Checks.notNull(unit, "unit");
        Checks.notNull(x, "x");
        Checks.notNull(tx, "tx");
        Checks.notNull(age, "T");
        int n = x.length;
        if (n == 0) {
            throw Checks.invalid("x", "Size", "must hold at least one customer");
        }
        if (n > MAX_CUSTOMERS) {
            throw Checks.invalid("x", "Size", "must hold at most " + MAX_CUSTOMERS + " customers");
        }
        Checks.sameLength(n, tx.length, "tx");
        Checks.sameLength(n, age.length, "T");
        if (ids != null) {
            Checks.sameLength(n, ids.length, "ids");
        }
        if (monetary != null) {
            Checks.sameLength(n, monetary.length, "monetary");
        }
        List<Violation> violations = new ArrayList<>();
        int[] xs = new int[n];
        double[] txs = new double[n];
        double[] ages = new double[n];
        for (int i = 0; i < n && violations.size() < MAX_REPORTED; i++) {
            double xi = x[i];
            if (!(xi >= 0 && xi <= RfmSummary.MAX_VALUE && xi == Math.rint(xi))) {
                violations.add(Violation.of("x[" + i + "]", "NonNegativeInteger",
                        "must be a whole number between 0 and " + RfmSummary.MAX_VALUE));
            } else {
                xs[i] = (int) xi;
            }
            double ti = age[i];
            if (!(Double.isFinite(ti) && ti >= 0 && ti <= RfmSummary.MAX_VALUE)) {
                violations.add(Violation.of("T[" + i + "]", "Range", "must be a finite number between 0 and "
                        + RfmSummary.MAX_VALUE));
            }
            double ri = tx[i];
            if (!(Double.isFinite(ri) && ri >= 0 && ri <= ti)) {
                violations.add(Violation.of("tx[" + i + "]", "Range", "must be a finite number between 0 and T"));
            } else if (xi == 0 && ri != 0) {
                violations.add(Violation.of("tx[" + i + "]", "ZeroWithoutRepeat", "must be 0 when x is 0"));
            }
            txs[i] = ri == 0 ? 0.0 : ri;
            ages[i] = ti == 0 ? 0.0 : ti;
            if (monetary != null && !(Double.isFinite(monetary[i]) && monetary[i] >= 0)) {
                violations.add(Violation.of("monetary[" + i + "]", "NonNegative", "must be a finite number >= 0"));
            }
            if (ids != null) {
                try {
                    Checks.text(ids[i], 64, "ids[" + i + "]");
                } catch (ValidationException e) {
                    violations.addAll(e.violations());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new CustomerSummaries(unit, ids == null ? null : ids.clone(), xs, txs, ages,
                monetary == null ? null : monetary.clone());
    }

    /** From records; spend is kept only when every record has one. */
    public static CustomerSummaries of(PeriodUnit unit, List<RfmSummary> rows) {
        Checks.notNull(unit, "unit");
        Checks.notNull(rows, "rows");
        if (rows.isEmpty()) {
            throw Checks.invalid("rows", "Size", "must hold at least one customer");
        }
        if (rows.size() > MAX_CUSTOMERS) {
            throw Checks.invalid("rows", "Size", "must hold at most " + MAX_CUSTOMERS + " customers");
        }
        int n = rows.size();
        String[] ids = new String[n];
        int[] xs = new int[n];
        double[] txs = new double[n];
        double[] ages = new double[n];
        double[] money = new double[n];
        boolean allMoney = true;
        for (int i = 0; i < n; i++) {
            RfmSummary r = Checks.notNull(rows.get(i), "rows[" + i + "]");
            ids[i] = r.id();
            xs[i] = r.frequency();
            txs[i] = r.recency();
            ages[i] = r.age();
            allMoney &= r.monetary() != null;
            money[i] = r.monetary() == null ? 0 : r.monetary();
        }
        return new CustomerSummaries(unit, ids, xs, txs, ages, allMoney ? money : null);
    }

    public PeriodUnit unit() {
        return unit;
    }

    public int size() {
        return x.length;
    }

    /** The key of row {@code i}: the given id, or the row number when none were given. */
    public String id(int i) {
        return ids == null ? Integer.toString(i) : ids[i];
    }

    public int frequency(int i) {
        return x[i];
    }

    public double recency(int i) {
        return tx[i];
    }

    public double age(int i) {
        return age[i];
    }

    /** Whether the mean repeat spend is known for every row. */
    public boolean hasMonetary() {
        return monetary != null;
    }

    public OptionalDouble monetary(int i) {
        return monetary == null ? OptionalDouble.empty() : OptionalDouble.of(monetary[i]);
    }

    /** Row {@code i} as a record. */
    public RfmSummary row(int i) {
        return new RfmSummary(id(i), x[i], tx[i], age[i], monetary == null ? null : monetary[i]);
    }

    /** Number of distinct (x, t_x, T) histories, the size of the likelihood's sum. */
    public int distinctHistories() {
        return groups().size();
    }

    Groups groups() {
        Groups g = groups;
        if (g == null) {
            g = Groups.of(x, tx, age);
            groups = g;
        }
        return g;
    }

    int[] frequencies() {
        return x;
    }

    double[] monetaryColumn() {
        return monetary;
    }

    @Override
    public String toString() {
        return "CustomerSummaries[customers=" + x.length + ", unit=" + unit + "]";
    }
}

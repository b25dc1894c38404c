package io.crmkit.analytics.performance;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.org.OrgUnitType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Staff, broker, team and branch performance over one period (绩效考核、员工分类统计).
 *
 * <pre>{@code
 * PerformanceReport r = PerformanceReport.of(StorePerformanceReader.custom()
 *     .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).build().read(crm.store(), ProgressListener.none()));
 * r.staff("rm-017").conversion();                    // won / (won + lost) in the period
 * r.units(OrgUnitType.BRANCH);                       // one line per branch, sub-units included
 * r.forecast();                                      // open pipeline by close month, weighted by stage probability
 * r.referrers();                                     // who referred whom, and how many became ACTIVE
 * }</pre>
 *
 * <p>Attribution: a customer counts for the owner (the relationship manager or broker) and for the
 * owner's unit and every unit above it; a customer without an owner counts for their own branch
 * and the units above it; every customer counts in the total. Opportunities count for their owner,
 * referrals for the referrer's owner. The core keeps only the current owner, so a customer who
 * changed hands during the period counts wholly for the current one.
 *
 * <p>Computed in one pass over the columns when built; immutable and thread-safe.
 */
public final class PerformanceReport {

    // long metrics
    private static final int CUSTOMERS = 0;
    private static final int AT_START = 1;
    private static final int RETAINED = 2;
    private static final int INTERACTIONS = 3;
    private static final int OPENED = 4;
    private static final int WON = 5;
    private static final int LOST = 6;
    private static final int REFERRALS = 7;
    private static final int CONVERTED = 8;
    private static final int PRODUCTS = 9;
    private static final int LONGS = 10;
    // double metrics
    private static final int AUM_START = 0;
    private static final int AUM_END = 1;
    private static final int FLOWS = 2;
    private static final int RETAINED_AUM = 3;
    private static final int BOOK_AUM = 4;
    private static final int CONTRIBUTION = 5;
    private static final int PIPELINE = 6;
    private static final int DOUBLES = 7;

    private final OrgChart org;
    private final List<PerformerStats> staff;
    private final List<PerformerStats> units;
    private final PerformerStats total;
    private final List<ForecastMonth> forecast;
    private final List<ReferrerStats> referrers;

    private PerformanceReport(PerformanceData d) {
        this.org = d.org;
        int s = org.staffIds().size();
        int u = org.unitIds().size();
        int slots = s + u + 1;
        long[][] l = new long[slots][LONGS];
        double[][] x = new double[slots][DOUBLES];
        int[] chain = new int[OrgChart.MAX_DEPTH + 2];
        for (int r = 0; r < d.n; r++) {
            int len = targets(d.owner[r], d.unit[r], chain);
            boolean start = d.bookStart[r];
            boolean end = d.bookEnd[r];
            for (int i = 0; i < len; i++) {
                long[] li = l[chain[i]];
                double[] xi = x[chain[i]];
                li[CUSTOMERS] += end ? 1 : 0;
                li[AT_START] += start ? 1 : 0;
                li[RETAINED] += start && end ? 1 : 0;
                li[INTERACTIONS] += d.interactions[r];
                li[PRODUCTS] += end ? d.products[r] : 0;
                xi[AUM_START] += d.aumStart[r];
                xi[AUM_END] += d.aumEnd[r];
                xi[FLOWS] += d.flows[r];
                xi[BOOK_AUM] += start ? d.aumStart[r] : 0;
                xi[RETAINED_AUM] += start && end ? d.aumStart[r] : 0;
                xi[CONTRIBUTION] += d.contribution[r];
            }
        }
        TreeMap<Integer, double[]> months = new TreeMap<>();
        for (int o = 0; o < d.oppOwner.length; o++) {
            int len = targets(d.oppOwner[o], -1, chain);
            boolean open = d.oppOutcome[o] == PerformanceData.OPEN;
            double weighted = open ? d.oppAmount[o] * d.oppProbability[o] / 100.0 : 0;
            for (int i = 0; i < len; i++) {
                long[] li = l[chain[i]];
                li[OPENED] += d.oppOpened[o] ? 1 : 0;
                li[WON] += d.oppOutcome[o] == PerformanceData.WON ? 1 : 0;
                li[LOST] += d.oppOutcome[o] == PerformanceData.LOST ? 1 : 0;
                x[chain[i]][PIPELINE] += weighted;
            }
            if (open) {
                double[] m = months.computeIfAbsent(d.oppCloseMonth[o] < 0 ? Integer.MAX_VALUE : d.oppCloseMonth[o],
                        k -> new double[3]);
                m[0]++;
                m[1] += d.oppAmount[o];
                m[2] += weighted;
            }
        }
        long[] referredBy = new long[d.n];
        long[] convertedBy = new long[d.n];
        for (int i = 0; i < d.referrer.length; i++) {
            int who = d.referrer[i];
            boolean converted = d.becameActive[d.referred[i]];
            referredBy[who]++;
            convertedBy[who] += converted ? 1 : 0;
            int len = targets(d.owner[who], d.unit[who], chain);
            for (int j = 0; j < len; j++) {
                l[chain[j]][REFERRALS]++;
                l[chain[j]][CONVERTED] += converted ? 1 : 0;
            }
        }
        List<PerformerStats> staffOut = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            staffOut.add(stats(org.staffIds().get(i), PerformerStats.Kind.STAFF, null, org.staffRoles(i), l[i], x[i]));
        }
        List<PerformerStats> unitOut = new ArrayList<>();
        for (int i = 0; i < u; i++) {
            unitOut.add(stats(org.unitIds().get(i), PerformerStats.Kind.UNIT, org.unitType(i), Set.of(), l[s + i],
                    x[s + i]));
        }
        this.staff = List.copyOf(staffOut);
        this.units = List.copyOf(unitOut);
        this.total = stats("TOTAL", PerformerStats.Kind.TOTAL, null, Set.of(), l[s + u], x[s + u]);
        List<ForecastMonth> f = new ArrayList<>();
        months.forEach((m, v) -> f.add(new ForecastMonth(m == Integer.MAX_VALUE ? null : YearMonth.of(m / 12, m % 12 + 1),
                (long) v[0], v[1], v[2])));
        this.forecast = List.copyOf(f);
        List<ReferrerStats> refs = new ArrayList<>();
        for (int r = 0; r < d.n; r++) {
            if (referredBy[r] > 0) {
                refs.add(new ReferrerStats(d.customerKey(r), referredBy[r], convertedBy[r]));
            }
        }
        refs.sort(Comparator.comparingLong(ReferrerStats::referred).reversed()
                .thenComparing(ReferrerStats::customerKey));
        this.referrers = List.copyOf(refs);
    }

    /** Computes the report. */
    public static PerformanceReport of(PerformanceData data) {
        return new PerformanceReport(Checks.notNull(data, "data"));
    }

    /** Slots a row counts for: the staff member, the unit chain up to the root, the total. */
    private int targets(int staffIdx, int ownUnit, int[] chain) {
        int s = org.staffIds().size();
        int len = 0;
        int unit = ownUnit;
        if (staffIdx >= 0) {
            chain[len++] = staffIdx;
            unit = org.staffUnit(staffIdx);
        }
        for (int a = unit; a >= 0; a = org.unitParent(a)) {
            chain[len++] = s + a;
        }
        chain[len++] = s + org.unitIds().size();
        return len;
    }

    private static PerformerStats stats(String id, PerformerStats.Kind kind, OrgUnitType type, Set<String> roles,
                                        long[] l, double[] x) {
        return new PerformerStats(id, kind, type, roles, l[CUSTOMERS], l[AT_START], l[RETAINED],
                ratio(l[RETAINED], l[AT_START]), x[AUM_START], x[AUM_END], x[FLOWS],
                x[AUM_END] - x[AUM_START] - x[FLOWS], ratio(x[RETAINED_AUM], x[BOOK_AUM]), l[INTERACTIONS], l[OPENED],
                l[WON], l[LOST], ratio(l[WON], l[WON] + l[LOST]), x[CONTRIBUTION], ratio(l[PRODUCTS], l[CUSTOMERS]),
                x[PIPELINE], l[REFERRALS], l[CONVERTED], ratio(l[CONVERTED], l[REFERRALS]));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /** One line per staff member, in the chart's order. */
    public List<PerformerStats> staff() {
        return staff;
    }

    /** The line of one staff member. @throws io.crmkit.core.error.ValidationException if not in the chart */
    public PerformerStats staff(String staffId) {
        int i = org.staffOf(staffId);
        if (i < 0) {
            throw Checks.invalid("staffId", "Unknown", "is not a staff member of the chart");
        }
        return staff.get(i);
    }

    /** Staff members with a role, e.g. {@code BROKER}, best contribution first. */
    public List<PerformerStats> staffWithRole(String role) {
        return staff.stream().filter(p -> p.roles().contains(role))
                .sorted(Comparator.comparingDouble(PerformerStats::contribution).reversed()
                        .thenComparing(PerformerStats::id)).toList();
    }

    /** One line per unit, in the chart's order; each includes its sub-units. */
    public List<PerformerStats> units() {
        return units;
    }

    /** The units of one type, e.g. every branch or every team. */
    public List<PerformerStats> units(OrgUnitType type) {
        return units.stream().filter(p -> p.unitType() == type).toList();
    }

    /** The line of one unit. @throws io.crmkit.core.error.ValidationException if not in the chart */
    public PerformerStats unit(String unitId) {
        int i = org.unitOf(unitId);
        if (i < 0) {
            throw Checks.invalid("unitId", "Unknown", "is not a unit of the chart");
        }
        return units.get(i);
    }

    /** The whole firm. */
    public PerformerStats total() {
        return total;
    }

    /** Open pipeline by expected close month, earliest first; opportunities without a date last. */
    public List<ForecastMonth> forecast() {
        return forecast;
    }

    /** Referring customers, most referrals first, then by customer id. */
    public List<ReferrerStats> referrers() {
        return referrers;
    }

    @Override
    public String toString() {
        return "PerformanceReport[staff=" + staff.size() + ", units=" + units.size() + ", customers="
                + total.customers() + "]";
    }
}

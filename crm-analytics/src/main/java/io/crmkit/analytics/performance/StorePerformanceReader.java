package io.crmkit.analytics.performance;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.CurrencyConverter;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.opportunity.StageChange;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.Staff;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Fills {@link PerformanceData} from the CRM store through the SPI, in bulk: the organisation
 * (units, and staff per unit), one stream of customers, one of linked accounts with their
 * snapshots at both ends of the period fetched in batches, one stream of the period's
 * interactions, and batch look-ups of opportunities and relationships per 1,000 customers. No
 * query is made per customer. Progress stages: {@code customers}, {@code accounts},
 * {@code interactions}, {@code opportunities}.
 *
 * <p>What the store gives and how it is read:
 * <ul>
 *   <li>On the book: lifecycle ACTIVE or DORMANT on the date, from the lifecycle history
 *       (effective dates); became ACTIVE: a move to ACTIVE effective by the end.</li>
 *   <li>Assets: cash plus holdings of OWNER and JOINT accounts, the newest snapshot on or before
 *       the period's first day and its last. The store records no cash flows, so the change is
 *       split from the holdings: market movement is, per account and instrument held at both ends,
 *       the smaller quantity × the change of price (market value / quantity); net new assets are
 *       the rest of the change. A sale and purchase within the period count as flows at the
 *       prices of the snapshots.</li>
 *   <li>Products: distinct product lines of the customer's accounts that are not closed.</li>
 *   <li>Opportunities: opened when created in the period; won or lost when the last stage change
 *       falls in the period; open ones weighted by their stage's default probability in the
 *       pipeline (the opportunity's own when the stage is not found).</li>
 *   <li>Referrals: REFERRED_BY relationships (from the referred customer to the referrer).</li>
 * </ul>
 * Immutable and thread-safe (the converter and the contribution function must be too).
 */
public final class StorePerformanceReader {

    private static final Set<LifecycleStage> ON_BOOK = EnumSet.of(LifecycleStage.ACTIVE, LifecycleStage.DORMANT);

    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;
    private final CurrencyConverter converter;
    private final ToDoubleFunction<Customer> contribution;

    private StorePerformanceReader(Builder b) {
        this.from = b.from;
        this.to = b.to;
        this.zone = b.zone;
        this.converter = b.converter;
        this.contribution = b.contribution;
    }

    public static Builder custom() {
        return new Builder();
    }

    /**
     * Reads the store.
     *
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public PerformanceData read(CrmStore store, ProgressListener progress) {
        Checks.notNull(store, "store");
        Checks.notNull(progress, "progress");
        OrgChart org = org(store);
        List<Customer> customers = new ArrayList<>();
        try (Stream<Customer> s = store.customers().stream(CustomerQuery.all())) {
            s.forEach(customers::add);
        }
        int n = customers.size();
        progress.onProgress("customers", n, n);
        Map<CustomerId, Integer> rowOf = new HashMap<>(n * 2);
        String[] keys = new String[n];
        int[] owner = new int[n];
        int[] unit = new int[n];
        boolean[] bookStart = new boolean[n];
        boolean[] bookEnd = new boolean[n];
        boolean[] active = new boolean[n];
        double[] contrib = new double[n];
        for (int r = 0; r < n; r++) {
            Customer c = customers.get(r);
            rowOf.put(c.id(), r);
            keys[r] = c.id().value();
            owner[r] = c.owner() == null ? -1 : org.staffOf(c.owner().value());
            unit[r] = c.branch() == null ? -1 : org.unitOf(c.branch().value());
            bookStart[r] = ON_BOOK.contains(stageOn(c, from.minusDays(1)));
            bookEnd[r] = ON_BOOK.contains(stageOn(c, to));
            active[r] = becameActive(c);
            contrib[r] = contribution == null ? 0 : contribution.applyAsDouble(c);
        }
        Assets assets = assets(store, rowOf, progress);
        int[] interactions = new int[n];
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long[] seen = {0};
        try (Stream<Interaction> s = store.interactions().stream(start, end)) {
            s.forEach(i -> {
                Integer row = rowOf.get(i.customerId());
                if (row != null) {
                    interactions[row]++;
                }
                seen[0]++;
            });
        }
        progress.onProgress("interactions", seen[0], seen[0]);
        PerformanceData.Builder data = PerformanceData.builder(org, n).customerKeys(keys).owners(owner).units(unit)
                .bookAtStart(bookStart).bookAtEnd(bookEnd).becameActive(active)
                .assets(assets.start, assets.end, assets.flows).interactions(interactions).contribution(contrib)
                .products(assets.products);
        batched(store, customers, rowOf, org, data, progress);
        return data.build();
    }

    private static OrgChart org(CrmStore store) {
        List<OrgUnit> units = store.orgUnits().findAll();
        List<Staff> staff = new ArrayList<>();
        for (OrgUnit u : units) {
            staff.addAll(store.staff().findByUnit(u.id()));
        }
        return OrgChart.of(units, staff);
    }

    /** The lifecycle stage on a date from the history, or null when the customer did not exist yet. */
    static LifecycleStage stageOn(Customer c, LocalDate date) {
        List<LifecycleChange> history = c.lifecycleHistory();
        if (history.isEmpty()) {
            LocalDate created = c.meta().createdAt().atZone(ZoneOffset.UTC).toLocalDate();
            return created.isAfter(date) ? null : c.lifecycle();
        }
        LifecycleStage stage = history.get(0).from();
        for (LifecycleChange ch : history) {
            if (ch.effectiveOn().isAfter(date)) {
                break;
            }
            stage = ch.to();
        }
        return stage;
    }

    private boolean becameActive(Customer c) {
        if (c.lifecycleHistory().isEmpty()) {
            return c.lifecycle() == LifecycleStage.ACTIVE;
        }
        for (LifecycleChange ch : c.lifecycleHistory()) {
            if (ch.to() == LifecycleStage.ACTIVE && !ch.effectiveOn().isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    /** Per-customer assets at both ends, flows and product lines; snapshots in batches. */
    private Assets assets(CrmStore store, Map<CustomerId, Integer> rowOf, ProgressListener progress) {
        Assets a = new Assets(rowOf.size());
        List<LinkedAccount> batch = new ArrayList<>(Batch.MAX_IDS);
        List<Set<io.crmkit.core.account.ProductLine>> lines = new ArrayList<>(rowOf.size());
        for (int r = 0; r < rowOf.size(); r++) {
            lines.add(null);
        }
        long[] seen = {0};
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(acc -> {
                seen[0]++;
                Integer row = rowOf.get(acc.customerId());
                if (row == null || acc.role() == AccountRole.AUTHORISED) {
                    return;
                }
                if (acc.status() != AccountStatus.CLOSED) {
                    if (lines.get(row) == null) {
                        lines.set(row, EnumSet.noneOf(io.crmkit.core.account.ProductLine.class));
                    }
                    lines.get(row).add(acc.productLine());
                }
                batch.add(acc);
                if (batch.size() == Batch.MAX_IDS) {
                    a.add(store, batch, rowOf);
                    progress.onProgress("accounts", seen[0], seen[0] + 1);
                }
            });
        }
        a.add(store, batch, rowOf);
        for (int r = 0; r < lines.size(); r++) {
            a.products[r] = lines.get(r) == null ? 0 : lines.get(r).size();
        }
        progress.onProgress("accounts", seen[0], seen[0]);
        return a;
    }

    /** Opportunities and referral relationships, one batch look-up each per 1,000 customers. */
    private void batched(CrmStore store, List<Customer> customers, Map<CustomerId, Integer> rowOf, OrgChart org,
                         PerformanceData.Builder data, ProgressListener progress) {
        Map<String, Integer> stageProbability = new HashMap<>();
        for (Pipeline p : store.pipelines().findAll()) {
            for (Stage st : p.stages()) {
                stageProbability.put(p.id().value() + "\u0000" + st.code(), st.probability());
            }
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        IntList oppOwner = new IntList();
        List<Boolean> opened = new ArrayList<>();
        List<Byte> outcome = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        IntList probability = new IntList();
        IntList month = new IntList();
        IntList referrer = new IntList();
        IntList referred = new IntList();
        Set<RelationshipId> seenRel = new HashSet<>();
        int n = customers.size();
        for (int f = 0; f < n; f += Batch.MAX_IDS) {
            List<CustomerId> ids = new ArrayList<>();
            for (int r = f; r < Math.min(n, f + Batch.MAX_IDS); r++) {
                ids.add(customers.get(r).id());
            }
            for (Opportunity o : store.opportunities().findByCustomers(ids)) {
                oppOwner.add(org.staffOf(o.owner().value()));
                Instant created = o.meta().createdAt();
                opened.add(!created.isBefore(start) && created.isBefore(end));
                outcome.add(outcome(o, start, end));
                double amt = converter.toReporting(o.amount().amount(), o.amount().currency());
                amount.add(Double.isNaN(amt) ? 0 : amt);
                probability.add(stageProbability.getOrDefault(o.pipelineId().value() + "\u0000" + o.stage(),
                        o.probability()));
                month.add(o.expectedClose() == null ? -1 : PerformanceData.month(YearMonth.from(o.expectedClose())));
            }
            for (Relationship rel : store.relationships().findByCustomers(ids)) {
                Integer who = rowOf.get(rel.to());
                Integer whom = rowOf.get(rel.from());
                if (rel.type() == RelationshipType.REFERRED_BY && who != null && whom != null && seenRel.add(rel.id())) {
                    referrer.add(who);
                    referred.add(whom);
                }
            }
            progress.onProgress("opportunities", Math.min(n, f + Batch.MAX_IDS), n);
        }
        int m = oppOwner.size;
        boolean[] op = new boolean[m];
        byte[] out = new byte[m];
        double[] am = new double[m];
        for (int i = 0; i < m; i++) {
            op[i] = opened.get(i);
            out[i] = outcome.get(i);
            am[i] = amount.get(i);
        }
        data.opportunities(oppOwner.toArray(), op, out, am, probability.toArray(), month.toArray())
                .referrals(referrer.toArray(), referred.toArray());
    }

    private static byte outcome(Opportunity o, Instant start, Instant end) {
        if (o.status() == OpportunityStatus.OPEN) {
            return PerformanceData.OPEN;
        }
        List<StageChange> h = o.history();
        Instant closed = h.isEmpty() ? o.meta().updatedAt() : h.get(h.size() - 1).at();
        if (closed.isBefore(start) || !closed.isBefore(end)) {
            return PerformanceData.OTHER;
        }
        return o.status() == OpportunityStatus.WON ? PerformanceData.WON : PerformanceData.LOST;
    }

    /** Per-row asset sums; one batch of accounts at a time. */
    private final class Assets {
        final double[] start;
        final double[] end;
        final double[] flows;
        final int[] products;

        Assets(int n) {
            start = new double[n];
            end = new double[n];
            flows = new double[n];
            products = new int[n];
        }

        void add(CrmStore store, List<LinkedAccount> batch, Map<CustomerId, Integer> rowOf) {
            if (batch.isEmpty()) {
                return;
            }
            List<AccountId> ids = batch.stream().map(LinkedAccount::id).toList();
            Map<AccountId, AccountSnapshot> then = store.accounts().latestSnapshotsOf(ids, from.minusDays(1));
            Map<AccountId, AccountSnapshot> now = store.accounts().latestSnapshotsOf(ids, to);
            for (LinkedAccount acc : batch) {
                int row = rowOf.get(acc.customerId());
                AccountSnapshot a = then.get(acc.id());
                AccountSnapshot b = now.get(acc.id());
                double va = a == null ? 0 : total(a);
                double vb = b == null ? 0 : total(b);
                double market = a == null || b == null ? 0 : market(a, b);
                start[row] += va;
                end[row] += vb;
                flows[row] += vb - va - market;
            }
            batch.clear();
        }

        private double total(AccountSnapshot s) {
            double t = money(s.cash().amount(), s.cash().currency());
            for (Holding h : s.holdings()) {
                t += money(h.marketValue().amount(), h.marketValue().currency());
            }
            return t;
        }

        /** Σ over instruments held at both ends (same side): min(|q0|, |q1|) × change of price. */
        private double market(AccountSnapshot a, AccountSnapshot b) {
            Map<String, Holding> before = new HashMap<>();
            for (Holding h : a.holdings()) {
                before.merge(h.instrument(), h, StorePerformanceReader::sum);
            }
            Map<String, Holding> after = new HashMap<>();
            for (Holding h : b.holdings()) {
                after.merge(h.instrument(), h, StorePerformanceReader::sum);
            }
            double m = 0;
            for (Map.Entry<String, Holding> e : after.entrySet()) {
                Holding h0 = before.get(e.getKey());
                Holding h1 = e.getValue();
                if (h0 == null || h0.quantity().signum() == 0 || h1.quantity().signum() == 0
                        || h0.quantity().signum() != h1.quantity().signum()) {
                    continue;
                }
                double q0 = h0.quantity().doubleValue();
                double q1 = h1.quantity().doubleValue();
                double p0 = money(h0.marketValue().amount(), h0.marketValue().currency()) / q0;
                double p1 = money(h1.marketValue().amount(), h1.marketValue().currency()) / q1;
                double q = Math.signum(q0) * Math.min(Math.abs(q0), Math.abs(q1));
                m += q * (p1 - p0);
            }
            return m;
        }

        private double money(BigDecimal amount, Currency currency) {
            double v = converter.toReporting(amount, currency);
            return Double.isNaN(v) ? 0 : v;
        }
    }

    private static Holding sum(Holding x, Holding y) {
        return new Holding(x.instrument(), x.assetClass(), x.quantity().add(y.quantity()),
                new io.crmkit.core.money.Money(x.marketValue().amount().add(y.marketValue().amount()),
                        x.marketValue().currency()));
    }

    /** A growable int array. */
    private static final class IntList {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    /**
     * Builder: the period is required; business zone UTC, amounts in CNY only, no contribution
     * (the store holds no revenue: give it from the host's ledger). Not thread-safe.
     */
    public static final class Builder {
        private LocalDate from;
        private LocalDate to;
        private ZoneId zone = ZoneOffset.UTC;
        private CurrencyConverter converter = CurrencyConverter.only(Currency.getInstance("CNY"));
        private ToDoubleFunction<Customer> contribution;

        private Builder() {
        }

        /** The period, first and last day inclusive, at most 10 years. */
        public Builder period(LocalDate first, LocalDate last) {
            Checks.notNull(first, "performance.from");
            Checks.notNull(last, "performance.to");
            if (last.isBefore(first) || first.plusYears(10).isBefore(last)) {
                throw Checks.invalid("performance.to", "Range", "must be on or after from and within 10 years of it");
            }
            this.from = first;
            this.to = last;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "performance.zone");
            return this;
        }

        public Builder currencyConverter(CurrencyConverter converter) {
            this.converter = Checks.notNull(converter, "performance.currencyConverter");
            return this;
        }

        /** Revenue or commission per customer for the period, from the host's ledger. */
        public Builder contribution(ToDoubleFunction<Customer> perCustomer) {
            this.contribution = Checks.notNull(perCustomer, "performance.contribution");
            return this;
        }

        public StorePerformanceReader build() {
            if (from == null) {
                throw Checks.invalid("performance.period", "NotNull", "must be set");
            }
            return new StorePerformanceReader(this);
        }
    }
}

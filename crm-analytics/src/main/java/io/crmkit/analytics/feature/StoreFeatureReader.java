package io.crmkit.analytics.feature;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.task.Task;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Builds a {@link FeatureFrame} by streaming the CRM store (the SPI): customers, their linked
 * accounts with snapshots, interactions and tasks. Rows follow the customers' id order; row ids are
 * 0..n-1 and the frame's customer keys are the {@code CustomerId} values.
 *
 * <p>Features written (see {@link StandardFeatures}); "window" is {@link Config#windowDays()},
 * "horizon" {@link Config#horizonDays()}, both ending on the as-of date:
 * <ul>
 *   <li>{@code age} (-1 unknown), {@code tenure_days} and {@code days_since_created} (days since
 *       the record was created), {@code tier}, {@code lifecycle}, {@code income_band} (categories;
 *       labels upper-cased, other characters as '_'), {@code referred} (1 for a prospect referred
 *       by another customer; one relationship query per prospect).</li>
 *   <li>{@code aum} (cash plus holdings of OWNER and JOINT accounts on the as-of date),
 *       {@code aum_change_pct} against the window's start (0 without an earlier snapshot),
 *       {@code equity_share}, {@code top_position_share} (largest single position),
 *       {@code accounts}.</li>
 *   <li>{@code interactions} and {@code frequency} (inbound interactions) in the window;
 *       {@code recency_days} since the last inbound interaction, {@code days_since_contact} since
 *       the last outbound one, {@code days_since_login} since the last web or app session (each
 *       capped at the horizon); {@code digital_share} (web, app, chat) of the window's
 *       interactions; {@code open_complaints}: complaint outcomes after the last resolved one.</li>
 *   <li>{@code open_tasks}: open tasks about the customer (when tasks are read).</li>
 *   <li>Any host feature registered with {@link Builder#hostFeature}, e.g. revenue or trades
 *       from the host's ledger, which the store does not hold.</li>
 * </ul>
 * Amounts in other currencies go through the converter; amounts without a rate are left out and
 * counted in {@link #skippedAmounts()}. Not thread-safe: use one reader per read.
 */
public final class StoreFeatureReader {

    private final Config config;
    private long skippedAmounts;

    private StoreFeatureReader(Config config) {
        this.config = config;
    }

    public static Builder custom() {
        return new Builder();
    }

    /** Amounts left out of the last read for want of an exchange rate. */
    public long skippedAmounts() {
        return skippedAmounts;
    }

    /**
     * Reads every customer matching the configured query.
     *
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public FeatureFrame read(CrmStore store, ProgressListener progress) {
        Checks.notNull(store, "store");
        Checks.notNull(progress, "progress");
        skippedAmounts = 0;
        LocalDate asOf = LocalDate.now(config.clock.withZone(config.zone));
        List<Customer> customers = new ArrayList<>();
        long total = store.customers().count(config.query);
        try (Stream<Customer> s = store.customers().stream(config.query)) {
            s.forEach(c -> {
                customers.add(c);
                if ((customers.size() & 0xFFFF) == 0) {
                    progress.onProgress("customers", customers.size(), Math.max(total, customers.size()));
                }
            });
        }
        int n = customers.size();
        progress.onProgress("customers", n, n);
        Map<CustomerId, Integer> rowOf = new HashMap<>(n * 2);
        String[] keys = new String[n];
        long[] ids = new long[n];
        for (int r = 0; r < n; r++) {
            rowOf.put(customers.get(r).id(), r);
            keys[r] = customers.get(r).id().value();
            ids[r] = r;
        }
        FeatureFrame.Builder frame = FeatureFrame.builder(n).ids(ids).customerKeys(keys);
        List<String> tierCodes = new ArrayList<>();
        store.tiers().definitions().forEach(d -> tierCodes.add(d.code().value()));
        CustomerColumns.write(frame, customers, asOf, config.zone, tierCodes);
        frame.ints(StandardFeatures.REFERRED, referred(store, customers));
        readAccounts(store, rowOf, asOf, frame, progress);
        InteractionColumns.read(store, rowOf, asOf, config.zone, config.windowDays, config.horizonDays, frame, progress);
        if (config.readTasks) {
            int[] openTasks = new int[n];
            for (int r = 0; r < n; r++) {
                for (Task t : store.tasks().findByCustomer(customers.get(r).id())) {
                    openTasks[r] += t.status().isOpen() ? 1 : 0;
                }
            }
            frame.ints("open_tasks", openTasks);
            progress.onProgress("tasks", n, n);
        }
        for (Map.Entry<String, ToDoubleFunction<Customer>> e : config.hostFeatures.entrySet()) {
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = e.getValue().applyAsDouble(customers.get(r));
            }
            frame.doubles(e.getKey(), col);
        }
        return frame.build();
    }

    /** 1 for a prospect referred by another customer (REFERRED_BY from the prospect), else 0. */
    private static int[] referred(CrmStore store, List<Customer> customers) {
        int[] referred = new int[customers.size()];
        for (int r = 0; r < referred.length; r++) {
            Customer c = customers.get(r);
            if (c.is(LifecycleStage.PROSPECT)) {
                for (Relationship rel : store.relationships().findByCustomer(c.id())) {
                    if (rel.type() == RelationshipType.REFERRED_BY && rel.from().equals(c.id())) {
                        referred[r] = 1;
                    }
                }
            }
        }
        return referred;
    }

    private void readAccounts(CrmStore store, Map<CustomerId, Integer> rowOf, LocalDate asOf,
                              FeatureFrame.Builder frame, ProgressListener progress) {
        int n = rowOf.size();
        double[] aum = new double[n];
        double[] before = new double[n];
        double[] equity = new double[n];
        double[] top = new double[n];
        int[] accounts = new int[n];
        LocalDate start = asOf.minusDays(config.windowDays);
        long[] seen = {0};
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(a -> {
                Integer row = rowOf.get(a.customerId());
                seen[0]++;
                if (row == null || a.role() == AccountRole.AUTHORISED) {
                    return;
                }
                accounts[row]++;
                Optional<AccountSnapshot> now = store.accounts().latestSnapshot(a.id(), asOf);
                if (now.isPresent()) {
                    AccountSnapshot snap = now.get();
                    aum[row] += money(snap.cash().amount(), snap.cash().currency());
                    for (Holding h : snap.holdings()) {
                        double v = money(h.marketValue().amount(), h.marketValue().currency());
                        aum[row] += v;
                        equity[row] += h.assetClass() == AssetClass.EQUITY ? v : 0;
                        top[row] = Math.max(top[row], v);
                    }
                }
                store.accounts().latestSnapshot(a.id(), start)
                        .ifPresent(snap -> before[row] += total(snap));
            });
        }
        double[] change = new double[n];
        for (int r = 0; r < n; r++) {
            change[r] = before[r] > 0 ? (aum[r] - before[r]) / before[r] * 100 : 0;
            equity[r] = aum[r] > 0 ? equity[r] / aum[r] : 0;
            top[r] = aum[r] > 0 ? Math.min(1, top[r] / aum[r]) : 0;
        }
        frame.doubles(StandardFeatures.AUM, aum).doubles(StandardFeatures.AUM_CHANGE_PCT, change)
                .doubles(StandardFeatures.EQUITY_SHARE, equity).doubles(StandardFeatures.TOP_POSITION_SHARE, top)
                .ints("accounts", accounts);
        progress.onProgress("accounts", seen[0], seen[0]);
    }

    private double total(AccountSnapshot snap) {
        double t = money(snap.cash().amount(), snap.cash().currency());
        for (Holding h : snap.holdings()) {
            t += money(h.marketValue().amount(), h.marketValue().currency());
        }
        return t;
    }

    private double money(java.math.BigDecimal amount, java.util.Currency currency) {
        double v = config.converter.toReporting(amount, currency);
        if (Double.isNaN(v)) {
            skippedAmounts++;
            return 0;
        }
        return v;
    }

    /** Configuration of a reader. Immutable and thread-safe (host features must be too). */
    public static final class Config {
        private final Clock clock;
        private final ZoneId zone;
        private final int windowDays;
        private final int horizonDays;
        private final CustomerQuery query;
        private final boolean readTasks;
        private final CurrencyConverter converter;
        private final Map<String, ToDoubleFunction<Customer>> hostFeatures;

        private Config(Builder b) {
            this.clock = b.clock;
            this.zone = b.zone == null ? b.clock.getZone() : b.zone;
            this.windowDays = b.windowDays;
            this.horizonDays = b.horizonDays;
            this.query = b.query;
            this.readTasks = b.readTasks;
            this.converter = b.converter;
            this.hostFeatures = new LinkedHashMap<>(b.hostFeatures);
        }

        public int windowDays() {
            return windowDays;
        }

        public int horizonDays() {
            return horizonDays;
        }
    }

    /**
     * Builder: window 90 days, horizon 365 days, all customers, tasks read, UTC system clock,
     * amounts in CNY only. Not thread-safe.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ZoneId zone;
        private int windowDays = 90;
        private int horizonDays = 365;
        private CustomerQuery query = CustomerQuery.all();
        private boolean readTasks = true;
        private CurrencyConverter converter = CurrencyConverter.only(java.util.Currency.getInstance("CNY"));
        private final Map<String, ToDoubleFunction<Customer>> hostFeatures = new LinkedHashMap<>();

        private Builder() {
        }

        /** The clock whose date (in {@link #zone}) is the as-of date. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "reader.clock");
            return this;
        }

        /** The business time zone that defines dates; default the clock's zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "reader.zone");
            return this;
        }

        /** 1 to 3650 days; default 90. */
        public Builder windowDays(int days) {
            this.windowDays = Checks.between(days, 1, 3650, "reader.windowDays");
            return this;
        }

        /** How far back recency looks, 1 to 3650 days and at least the window; default 365. */
        public Builder horizonDays(int days) {
            this.horizonDays = Checks.between(days, 1, 3650, "reader.horizonDays");
            return this;
        }

        public Builder query(CustomerQuery query) {
            this.query = Checks.notNull(query, "reader.query");
            return this;
        }

        /** Whether to read tasks (one query per customer); default true. */
        public Builder readTasks(boolean readTasks) {
            this.readTasks = readTasks;
            return this;
        }

        public Builder currencyConverter(CurrencyConverter converter) {
            this.converter = Checks.notNull(converter, "reader.currencyConverter");
            return this;
        }

        /** Adds a host feature computed per customer, e.g. revenue from the host's ledger. */
        public Builder hostFeature(String name, ToDoubleFunction<Customer> perCustomer) {
            Checks.featureName(name, "reader.hostFeature");
            Checks.notNull(perCustomer, "reader.hostFeature");
            if (hostFeatures.putIfAbsent(name, perCustomer) != null) {
                throw Checks.invalid("reader.hostFeature", "Distinct", "'" + name + "' is registered twice");
            }
            return this;
        }

        public StoreFeatureReader build() {
            if (horizonDays < windowDays) {
                throw Checks.invalid("reader.horizonDays", "AtLeastWindow", "must be at least windowDays ("
                        + windowDays + "), was " + horizonDays);
            }
            return new StoreFeatureReader(new Config(this));
        }
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    static boolean isDigital(Channel c) {
        return c == Channel.WEB || c == Channel.APP || c == Channel.CHAT;
    }

    static boolean isInbound(Interaction i) {
        return i.direction() == Direction.INBOUND;
    }

    static boolean isComplaint(Interaction i) {
        return i.outcome() == Outcome.COMPLAINT;
    }
}

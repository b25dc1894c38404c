package io.crmkit.analytics.feature;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.spi.Batch;
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
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Builds a {@link FeatureFrame} by streaming the CRM store (the SPI): customers, their linked
 * accounts with snapshots, interactions and tasks. Rows follow the customers' id order; row ids are
 * 0..n-1 and the frame's customer keys are the {@code CustomerId} values.
 *
 * <p>Every read is in bulk: one stream of customers, one of accounts, one of the horizon's
 * interactions, and batch look-ups of up to {@link Batch#MAX_IDS} ids for snapshots, referral
 * relationships and tasks ({@code latestSnapshotsOf}, {@code findByCustomers}); no query is made
 * per customer. Progress stages: {@code customers}, {@code referrals}, {@code accounts},
 * {@code interactions}, {@code tasks}, {@code host} (host features).
 *
 * <p>Features written (see {@link StandardFeatures}); "window" is {@link Config#windowDays()},
 * "horizon" {@link Config#horizonDays()}, both ending on the as-of date:
 * <ul>
 *   <li>{@code age} (-1 unknown), {@code tenure_days} and {@code days_since_created} (days since
 *       the record was created), {@code tier}, {@code lifecycle}, {@code income_band},
 *       {@code risk_tolerance} (the {@link io.crmkit.core.customer.RiskTolerance} names),
 *       {@code branch} (categories; labels upper-cased, other characters as '_'), {@code referred}
 *       (1 for a prospect referred by another customer).</li>
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
 * counted in {@link StoreRead#skippedAmounts()}. A reader keeps no state between reads: it is
 * immutable and thread-safe (host features and the converter must be too), and one reader may
 * serve concurrent reads.
 */
public final class StoreFeatureReader {

    private final Config config;

    private StoreFeatureReader(Config config) {
        this.config = config;
    }

    public static Builder custom() {
        return new Builder();
    }

    /**
     * What one read produced: the frame and the amounts left out for want of an exchange rate.
     *
     * @param frame          the features
     * @param skippedAmounts amounts (cash balances, holdings) the converter had no rate for
     */
    public record StoreRead(FeatureFrame frame, long skippedAmounts) {
    }

    /**
     * Reads every customer matching the configured query.
     *
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public FeatureFrame read(CrmStore store, ProgressListener progress) {
        return readWithReport(store, progress).frame();
    }

    /**
     * {@link #read} with the count of amounts that could not be converted.
     *
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public StoreRead readWithReport(CrmStore store, ProgressListener progress) {
        return readWithReport(store, config.query, progress);
    }

    /**
     * Reads, on behalf of {@code actor}, only the customers its {@code ANALYTICS_READ} grant reaches
     * (the scope is pushed into the customer query): a branch's analyst gets the branch, head office
     * the firm. Use this whenever the night runs for someone rather than for the firm.
     *
     * @throws io.crmkit.core.error.AccessDeniedException if no role of the actor grants {@code ANALYTICS_READ}
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public FeatureFrame read(io.crmkit.core.Crm crm, io.crmkit.core.org.Actor actor, ProgressListener progress) {
        Checks.notNull(crm, "crm");
        Checks.notNull(actor, "actor");
        io.crmkit.core.spi.DataScope scope = crm.as(actor).dataScope(io.crmkit.core.governance.Operation.ANALYTICS_READ);
        if (scope.isEmpty()) {
            throw new io.crmkit.core.error.AccessDeniedException(actor.id(),
                    io.crmkit.core.governance.Operation.ANALYTICS_READ.code());
        }
        if (scope.all()) {
            return readWithReport(crm.store(), config.query, progress).frame();
        }
        if (config.query.scope() != null) {
            // two scopes cannot be combined into one pushed-down predicate; never widen either
            throw io.crmkit.core.error.ValidationException.of("query.scope", "OneScope",
                    "a reader run for an actor takes its scope from the actor; leave the query unscoped");
        }
        return readWithReport(crm.store(), config.query.within(scope), progress).frame();
    }

    private StoreRead readWithReport(CrmStore store, CustomerQuery query, ProgressListener progress) {
        Checks.notNull(store, "store");
        Checks.notNull(progress, "progress");
        LocalDate asOf = LocalDate.now(config.clock.withZone(config.zone));
        List<Customer> customers = new ArrayList<>();
        long total = store.customers().count(query);
        try (Stream<Customer> s = store.customers().stream(query)) {
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
        frame.ints(StandardFeatures.REFERRED, referred(store, customers, rowOf, progress));
        long skipped = AccountColumns.read(store, rowOf, asOf, config.windowDays, config.converter, frame, progress);
        InteractionColumns.read(store, rowOf, asOf, config.zone, config.windowDays, config.horizonDays, frame, progress);
        if (config.readTasks) {
            frame.ints("open_tasks", openTasks(store, customers, rowOf, progress));
        }
        int hostDone = 0;
        for (Map.Entry<String, ToDoubleFunction<Customer>> e : config.hostFeatures.entrySet()) {
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = e.getValue().applyAsDouble(customers.get(r));
            }
            frame.doubles(e.getKey(), col);
            progress.onProgress("host", ++hostDone, config.hostFeatures.size());
        }
        return new StoreRead(frame.build(), skipped);
    }

    /**
     * 1 for a prospect referred by another customer (REFERRED_BY from the prospect), else 0; the
     * prospects' relationships are fetched in batches.
     */
    private static int[] referred(CrmStore store, List<Customer> customers, Map<CustomerId, Integer> rowOf,
                                  ProgressListener progress) {
        int[] referred = new int[customers.size()];
        List<CustomerId> batch = new ArrayList<>(Batch.MAX_IDS);
        long[] done = {0};
        Runnable flush = () -> {
            for (Relationship rel : store.relationships().findByCustomers(batch)) {
                Integer row = rowOf.get(rel.from());
                if (rel.type() == RelationshipType.REFERRED_BY && row != null
                        && customers.get(row).is(LifecycleStage.PROSPECT)) {
                    referred[row] = 1;
                }
            }
            done[0] += batch.size();
            batch.clear();
        };
        long prospects = customers.stream().filter(c -> c.is(LifecycleStage.PROSPECT)).count();
        for (Customer c : customers) {
            if (c.is(LifecycleStage.PROSPECT)) {
                batch.add(c.id());
                if (batch.size() == Batch.MAX_IDS) {
                    flush.run();
                    progress.onProgress("referrals", done[0], prospects);
                }
            }
        }
        if (!batch.isEmpty()) {
            flush.run();
        }
        progress.onProgress("referrals", prospects, prospects);
        return referred;
    }

    /** Open tasks per customer, fetched in batches of customers. */
    private static int[] openTasks(CrmStore store, List<Customer> customers, Map<CustomerId, Integer> rowOf,
                                   ProgressListener progress) {
        int n = customers.size();
        int[] open = new int[n];
        for (int from = 0; from < n; from += Batch.MAX_IDS) {
            int to = Math.min(n, from + Batch.MAX_IDS);
            List<CustomerId> batch = new ArrayList<>(to - from);
            for (int r = from; r < to; r++) {
                batch.add(customers.get(r).id());
            }
            for (Task t : store.tasks().findByCustomers(batch)) {
                Integer row = t.customerId() == null ? null : rowOf.get(t.customerId());
                if (row != null && t.status().isOpen()) {
                    open[row]++;
                }
            }
            if ((from / Batch.MAX_IDS & 63) == 63) {
                progress.onProgress("tasks", to, n);
            }
        }
        progress.onProgress("tasks", n, n);
        return open;
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

        /** Whether to read tasks (one batch query per 1,000 customers); default true. */
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
}

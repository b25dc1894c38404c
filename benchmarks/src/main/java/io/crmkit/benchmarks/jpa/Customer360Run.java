package io.crmkit.benchmarks.jpa;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import java.util.Set;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.jpa.CrmSchema;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.core.cache.CacheConfig;
import io.crmkit.core.cache.CachingCrmStore;

/**
 * Scale run: the customer 360 view on PostgreSQL with {@code customers} customers and
 * {@code interactions} interactions (plus one account with a snapshot, one opportunity and one
 * task per customer), loaded with COPY. Reads the view of random customers with the same store
 * calls as {@code CustomerService.view}, directly and through {@code CachingCrmStore}, and prints
 * statements per view (Hibernate statistics) and latency percentiles.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.jpa.Customer360Run [customers] [interactions] [views] [all|scoped|load] [data directory]</pre>
 *
 * <p>With a data directory the server's files are kept there: the first run loads the data set, later runs
 * with the same counts reuse it and only measure.
 */
public final class Customer360Run {
    private Customer360Run() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long interactions = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        int views = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        // "scoped": only the governed view, interleaved with the nine-call path (skips the two separate phases);
        // "load": load the data set (if the data directory lacks it) and stop
        String mode = args.length > 3 ? args[3] : "all";
        if (!Set.of("all", "scoped", "load").contains(mode)) {
            throw new IllegalArgumentException("mode must be all, scoped or load");
        }
        // a kept data directory: loaded once, reused by later runs with the same counts
        Path dataDirectory = args.length > 4 ? Path.of(args[4]) : null;
        try (BenchDatabase db = BenchDatabase.start("c360", dataDirectory);
             JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().statistics(true).build())) {
            try (Connection c = db.pool.getConnection()) {
                prepare(c, customers, interactions);
            }
            if (mode.equals("load")) {
                return;
            }
            store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold", 1));
            if (mode.equals("all")) {
                measure(store, store, customers, views, "JpaCrmStore");
                measure(store, CachingCrmStore.wrap(store, CacheConfig.custom().maximumCustomers(100_000).build()),
                        customers, views, "CachingCrmStore(JpaCrmStore)");
            }
            measureScoped(store, customers, views);
            try (Connection c = db.pool.getConnection()) {
                plans(c);
            }
        }
    }

    /**
     * How one pooled connection ran the view statement: the driver prepares it on the server after a
     * few uses, and the server then keeps a generic plan instead of planning each call.
     */
    private static void plans(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                     + " WHERE statement LIKE '%union all%crm_interaction%'")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "view statement on one pooled connection: %d generic plans, %d custom plans%n",
                        rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** The tables {@link CopyLoader} fills; a later run keeps them and empties every other table. */
    private static final Set<String> DATA_SET = Set.of("crm_customer", "crm_interaction", "crm_account",
            "crm_account_snapshot", "crm_opportunity", "crm_task");

    /**
     * Loads the data set unless the database already holds it (a marker row written after a complete
     * load, and the row counts of customers and interactions), then empties the other tables (org
     * chart, staff, audit, pending requests, tiers) that an earlier measurement filled.
     */
    private static void prepare(Connection c, long customers, long interactions) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_data_set (customers BIGINT NOT NULL, interactions BIGINT NOT NULL)");
            boolean present;
            try (var rs = s.executeQuery("SELECT (SELECT count(*) FROM bench_data_set WHERE customers = " + customers
                    + " AND interactions = " + interactions + "), (SELECT count(*) FROM crm_customer),"
                    + " (SELECT count(*) FROM crm_interaction)")) {
                rs.next();
                present = rs.getLong(1) == 1 && rs.getLong(2) == customers && rs.getLong(3) == interactions;
            }
            if (present) {
                System.out.printf(Locale.ROOT, "data set of %,d customers / %,d interactions found, reused%n", customers,
                        interactions);
            } else {
                long t0 = System.nanoTime();
                s.execute("DELETE FROM bench_data_set");
                CopyLoader loader = new CopyLoader(c);
                loader.customers(customers);
                loader.interactions(interactions, customers);
                loader.accounts(customers);
                loader.opportunitiesAndTasks(customers);
                s.execute("VACUUM ANALYZE");
                s.execute("INSERT INTO bench_data_set VALUES (" + customers + ", " + interactions + ")");
                System.out.printf(Locale.ROOT, "data set loaded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            }
            java.util.List<String> others = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (table.startsWith("crm_") && !DATA_SET.contains(table) && !table.equals(CrmSchema.HISTORY_TABLE)) {
                        others.add(table);
                    }
                }
            }
            s.execute("TRUNCATE " + String.join(", ", others));
        }
    }

    private static void measure(JpaCrmStore jpa, CrmStore store, long customers, int views, String name) {
        Statistics stats = jpa.unwrap(SessionFactory.class).getStatistics();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < Math.max(1_000, views / 10); i++) {
            view(store, CustomerId.of(Records.customerId(pick(random, customers))));
        }
        stats.clear();
        long[] nanos = new long[views];
        for (int i = 0; i < views; i++) {
            CustomerId id = CustomerId.of(Records.customerId(pick(random, customers)));
            long start = System.nanoTime();
            view(store, id);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: %,d customers, %,d views (80%% of them of the 5%% most active customers)%n",
                name, customers, views);
        System.out.printf(Locale.ROOT, "statements per view: %.2f (%d prepared in total)%n",
                (double) stats.getPrepareStatementCount() / views, stats.getPrepareStatementCount());
        System.out.printf(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999), nanos[views - 1] / 1e6);
    }

    /**
     * The governed 360 view as a branch manager asks for it: {@code crm.as(manager).customers().view(id)}
     * over a branch holding the owners of half the customers, with audit and maker-checker on (so
     * pending requests are read too). The same views as {@link #measure}, each of an in-scope customer;
     * then the first view of fresh sessions, which also resolve the manager's scope over the org tree.
     */
    private static void measureScoped(JpaCrmStore jpa, long customers, int views) {
        Permissions permissions = Permissions.builder()
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("BM").grant(Depth.BRANCH, Operation.CUSTOMER_READ).build()).build();
        Crm crm = Crm.builder().store(jpa).permissions(permissions).build();
        CrmSession ops = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        ops.organisation().addUnit(OrgUnitId.of("ho"), "HO", OrgUnitType.HEAD_OFFICE, null);
        OrgUnitId branch = ops.organisation().addUnit(OrgUnitId.of("b0"), "B0", OrgUnitType.BRANCH, OrgUnitId.of("ho")).id();
        for (int t = 0; t < 10; t++) {
            OrgUnitId team = ops.organisation().addUnit(OrgUnitId.of("b0t" + t), "T" + t, OrgUnitType.TEAM, branch).id();
            for (int k = t; k < 250; k += 10) { // Records gives customer n the owner rm-(n % 500)
                ops.organisation().addStaff(StaffId.of("rm-" + k), "RM", team, Set.of("RM"));
            }
        }
        ops.organisation().addStaff(StaffId.of("bm-b0"), "BM", branch, Set.of("BM"));
        Actor manager = Actor.staff(StaffId.of("bm-b0"), branch, "BM");
        CrmSession session = crm.as(manager);
        Statistics stats = jpa.unwrap(SessionFactory.class).getStatistics();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < Math.max(1_000, views / 10); i++) {
            session.customers().view(inScope(random, customers));
        }
        // interleaved with the nine-statement path on the same customers, alternating which goes first
        long[] nanos = new long[views];
        long[] nine = new long[views];
        long[] cpu = new long[views];
        long[] nineCpu = new long[views];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long statements = 0;
        long nineStatements = 0;
        for (int i = 0; i < views; i++) {
            CustomerId id = inScope(random, customers);
            for (int side = 0; side < 2; side++) {
                boolean scoped = (side == 0) == (i % 2 == 0);
                long before = stats.getPrepareStatementCount();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                if (scoped) {
                    session.customers().view(id);
                } else {
                    view(jpa, id);
                }
                long took = System.nanoTime() - start;
                long tookCpu = threads.getCurrentThreadCpuTime() - cpuStart;
                long used = stats.getPrepareStatementCount() - before;
                if (scoped) {
                    nanos[i] = took;
                    cpu[i] = tookCpu;
                    statements += used;
                } else {
                    nine[i] = took;
                    nineCpu[i] = tookCpu;
                    nineStatements += used;
                }
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(nine);
        Arrays.sort(cpu);
        Arrays.sort(nineCpu);
        System.out.printf(Locale.ROOT, "scoped CustomerService.view as a branch manager: %,d views, interleaved with the nine-call path%n",
                views);
        System.out.printf(Locale.ROOT, "statements per view: %.2f (%d prepared in total)%n", (double) statements / views,
                statements);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999), nanos[views - 1] / 1e6);
        System.out.printf(Locale.ROOT, "same run, nine-call path: statements per view %.2f; latency ms: p50 %.2f  p90 %.2f  p99 %.2f%n",
                (double) nineStatements / views, ms(nine, 0.50), ms(nine, 0.90), ms(nine, 0.99));
        System.out.printf(Locale.ROOT, "scoped / nine-call: p50 %.3f  p99 %.3f%n", ms(nanos, 0.50) / ms(nine, 0.50),
                ms(nanos, 0.99) / ms(nine, 0.99));
        System.out.printf(Locale.ROOT, "this JVM thread's CPU ms (the server's work not included): scoped p50 %.3f  p99 %.3f;"
                + " nine-call p50 %.3f  p99 %.3f%n", ms(cpu, 0.50), ms(cpu, 0.99), ms(nineCpu, 0.50), ms(nineCpu, 0.99));
        System.out.printf(Locale.ROOT, "load average: %.1f before, %.1f after%n", loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        stats.clear();
        int fresh = 200;
        for (int i = 0; i < fresh; i++) {
            crm.as(manager).customers().view(inScope(random, customers));
        }
        System.out.printf(Locale.ROOT, "first view of a fresh session (scope from the engine's org chart): %.2f statements%n",
                (double) stats.getPrepareStatementCount() / fresh);
        Crm cold = Crm.builder().store(jpa).permissions(permissions).build();
        stats.clear();
        cold.as(manager).customers().view(inScope(random, customers));
        System.out.printf(Locale.ROOT, "first view of the first session of a new Crm (reads the org chart): %d statements%n",
                stats.getPrepareStatementCount());
        try {
            session.customers().view(CustomerId.of(Records.customerId(250)));
            throw new IllegalStateException("an out-of-scope customer was shown");
        } catch (io.crmkit.core.error.NotFoundException expected) {
            System.out.println("out-of-scope customer: not found, as an absent one");
        }
    }

    /** {@link #pick}, moved to an owner inside the manager's branch (owners rm-0 to rm-249). */
    private static CustomerId inScope(SplittableRandom random, long customers) {
        long n = pick(random, customers);
        return CustomerId.of(Records.customerId(n % 500 >= 250 ? n - 250 : n));
    }

    /** 80% of views go to the 5% most active customers, as revenue and attention concentrate (domain.md). */
    static long pick(SplittableRandom random, long customers) {
        long hot = Math.max(1, customers / 20);
        return random.nextInt(10) < 8 ? random.nextLong(hot) : random.nextLong(customers);
    }

    /**
     * The store calls of {@code CustomerService.view}, made as the core makes them: one after the
     * other, each in its own short read transaction.
     */
    static int view(CrmStore store, CustomerId id) {
        Customer customer = store.customers().get(id);
        int items = store.contacts().findByCustomer(id).size();
        items += store.relationships().findByCustomer(id).size();
        items += store.accounts().findByCustomer(id).size();
        items += store.accounts().latestSnapshots(id, LocalDate.of(2026, 6, 30)).size();
        items += customer.tier() == null ? 0 : store.tiers().definitions().size();
        items += store.tiers().current(id).isPresent() ? 1 : 0;
        var latest = store.interactions().timeline(id, PageRequest.first(20));
        items += latest.items().size();
        if (latest.hasNext()) {
            items += (int) store.interactions().countByCustomer(id);
        }
        items += store.opportunities().findByCustomer(id).size();
        items += store.tasks().findByCustomer(id).size();
        return items;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

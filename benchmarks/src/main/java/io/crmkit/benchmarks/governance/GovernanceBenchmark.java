package io.crmkit.benchmarks.governance;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.jpa.JpaCrmStore;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * What governance costs, each beside its baseline in the same fork: a branch manager's scoped
 * customer list page (the scope pushed into the query) against an unscoped page of the same
 * size from the same cursors, with 1M customers; and a customer update with the audit trail
 * against the same update with auditing off. In memory and on PostgreSQL.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GovernanceBenchmark -p store=memory
 * java -jar benchmarks/target/benchmarks.jar GovernanceBenchmark -p store=postgres</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class GovernanceBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int PAGE = 50;

    @Param({"memory", "postgres"})
    public String store;

    @Param({"1000000"})
    public int customers;

    /** Whether the PostgreSQL store collects Hibernate statistics (for statement counts; off in the JMH runs). */
    boolean statistics;
    private AutoCloseable closer = () -> { };
    private io.crmkit.benchmarks.jpa.BenchDatabase database;
    /** The PostgreSQL store, or {@code null} in memory. */
    JpaCrmStore jpaStore;
    private CrmSession branchManager;
    private CrmSession headOffice;
    private CrmSession audited;
    private CrmSession plain;
    private List<String> cursors;
    private final SplittableRandom random = new SplittableRandom(7);
    private int writes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // logback's default without a configuration file is DEBUG, which would time the logging
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        CrmStore s;
        if (store.equals("memory")) {
            s = InMemoryCrmStore.create();
        } else {
            io.crmkit.benchmarks.jpa.BenchDatabase db = io.crmkit.benchmarks.jpa.BenchDatabase.start("governance");
            database = db;
            JpaCrmStore jpa = statistics
                    ? JpaCrmStore.create(db.dataSource(), io.crmkit.jpa.JpaStoreConfig.custom().statistics(true).build())
                    : JpaCrmStore.create(db.dataSource());
            jpaStore = jpa;
            closer = () -> {
                jpa.close();
                db.close();
            };
            s = jpa;
        }
        Permissions permissions = Permissions.builder()
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("BM").grant(Depth.BRANCH, Operation.CUSTOMER_READ, Operation.CUSTOMER_UPDATE).build())
                .build();
        Crm crm = Crm.builder().store(s).permissions(permissions).build();
        Actor admin = Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN");
        CrmSession ops = crm.as(admin);
        ops.organisation().addUnit(OrgUnitId.of("ho"), "HO", OrgUnitType.HEAD_OFFICE, null);
        List<OrgUnitId> teams = new ArrayList<>();
        List<StaffId> rms = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            OrgUnitId region = unit(ops, "r" + r, OrgUnitType.REGION, OrgUnitId.of("ho"));
            for (int b = 0; b < 2; b++) {
                OrgUnitId branch = unit(ops, "r" + r + "b" + b, OrgUnitType.BRANCH, region);
                ops.organisation().addStaff(StaffId.of("bm-" + branch.value()), "BM", branch, Set.of("BM"));
                for (int t = 0; t < 2; t++) {
                    OrgUnitId team = unit(ops, branch.value() + "t" + t, OrgUnitType.TEAM, branch);
                    for (int m = 0; m < 3; m++) {
                        StaffId rm = StaffId.of("rm-" + team.value() + m);
                        ops.organisation().addStaff(rm, "RM", team, Set.of("RM"));
                        teams.add(team);
                        rms.add(rm);
                    }
                }
            }
        }
        load(s, rms, teams);
        branchManager = crm.as(Actor.staff(StaffId.of("bm-r0b0"), OrgUnitId.of("r0b0"), "BM"));
        headOffice = ops;
        audited = ops;
        plain = Crm.builder().store(s).audit(false).build().as(admin);
        cursors = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            cursors.add(id(random.nextInt(customers)));
        }
        System.out.printf("scoped page items %d, unscoped %d%n", scopedPage().items().size(), unscopedPage().items().size());
    }

    private static OrgUnitId unit(CrmSession ops, String id, OrgUnitType type, OrgUnitId parent) {
        return ops.organisation().addUnit(OrgUnitId.of(id), id, type, parent).id();
    }

    static String id(int n) {
        return String.format("C%09d", n);
    }

    private static Customer customer(int n, StaffId owner, OrgUnitId team) {
        return new Customer(CustomerId.of(id(n)), CustomerType.INDIVIDUAL, CustomerName.of("Customer " + n), List.of(),
                LocalDate.of(1970, 1, 1), Profile.EMPTY, LifecycleStage.ACTIVE, List.of(), owner, team, null, Set.of("retail"),
                List.of(ContactPoint.phone("+86138" + String.format("%08d", n % 100_000_000), "mobile")), Map.of(),
                Meta.created(T0, "bench"));
    }

    private void load(CrmStore s, List<StaffId> rms, List<OrgUnitId> teams) throws Exception {
        if (s instanceof InMemoryCrmStore) {
            for (int n = 0; n < customers; n++) {
                s.customers().save(customer(n, rms.get(n % rms.size()), teams.get(n % teams.size())));
            }
            return;
        }
        JpaCrmStore jpa = (JpaCrmStore) s;
        try (Connection c = database.dataSource().getConnection()) {
            StringBuilder csv = new StringBuilder();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int n = 0; n < customers; n++) {
                Customer cu = customer(n, rms.get(n % rms.size()), teams.get(n % teams.size())).withMeta(Meta.created(T0, "bench")
                        .nextVersion());
                String doc = CrmJson.mapper().writeValueAsString(cu).replace("\"", "\"\"");
                csv.append(cu.id().value()).append(",INDIVIDUAL,ACTIVE,").append(cu.owner().value()).append(',')
                        .append(cu.branch().value()).append(",,1,").append(T0).append(",bench,").append(T0).append(",bench,\"")
                        .append(doc).append("\"\n");
                if (csv.length() > 8_000_000 || n == customers - 1) {
                    copy.copyIn("COPY crm_customer (id, customer_type, lifecycle, owner_id, branch_id, tier_code, version,"
                            + " created_at, created_by, updated_at, updated_by, doc) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
            }
        }
        jpa.toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        closer.close();
    }

    private String cursor() {
        return cursors.get(random.nextInt(cursors.size()));
    }

    @Benchmark
    public Page<Customer> scopedPage() {
        return branchManager.customers().list(CustomerQuery.all(), new PageRequest(cursor(), PAGE));
    }

    @Benchmark
    public Page<Customer> unscopedPage() {
        return headOffice.customers().list(CustomerQuery.all(), new PageRequest(cursor(), PAGE));
    }

    private Customer update(CrmSession session) {
        CustomerId id = CustomerId.of(id(random.nextInt(Math.min(customers, 10_000))));
        Customer c = session.customers().get(id);
        String tag = "t" + (writes++ & 7);
        return session.customers().update(c.tags().contains(tag) ? c.withoutTag(tag) : c.withTag(tag));
    }

    @Benchmark
    public Customer writeWithAudit() {
        return update(audited);
    }

    @Benchmark
    public Customer writeWithoutAudit() {
        return update(plain);
    }
}

package io.crmkit.benchmarks.core;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store at scale: find a customer by id and read a timeline page with 1M customers
 * and 10M interactions, each beside a baseline measured in the same fork — a plain {@link HashMap}
 * lookup and a slice of a pre-sorted array — so the figures are ratios that survive a noisy
 * machine.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InMemoryStoreBenchmark}; for
 * a quick look add {@code -p customers=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g", "-XX:+UseParallelGC"})
public class InMemoryStoreBenchmark {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final int PAGE = 20;
    private static final int PROBES = 1 << 16;

    @Param("1000000")
    public int customers;

    @Param("10")
    public int interactionsPerCustomer;

    private InMemoryCrmStore store;
    private CustomerId[] ids;
    private Map<CustomerId, Customer> baselineMap;
    private Interaction[][] baselineTimelines;
    private String[] secondPageCursor;
    private int[] probes;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        store = InMemoryCrmStore.create();
        SplittableRandom random = new SplittableRandom(42);
        Meta meta = Meta.created(T0, "bench");
        Profile profile = Profile.EMPTY.withRegion("CN-31");
        StaffId[] owners = new StaffId[500];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = StaffId.of("rm-" + i);
        }
        OrgUnitId branch = OrgUnitId.of("br-1");
        ids = new CustomerId[customers];
        baselineMap = new HashMap<>(customers * 2);
        for (int i = 0; i < customers; i++) {
            CustomerId id = CustomerId.of("C" + (1_000_000_000L + i));
            Customer c = new Customer(id, CustomerType.INDIVIDUAL, CustomerName.of("Customer " + i), List.of(), null,
                    profile, LifecycleStage.ACTIVE, List.of(), owners[i % owners.length], branch, null, Set.of(), List.of(),
                    Map.of(), meta);
            ids[i] = id;
            baselineMap.put(id, store.customers().save(c));
        }
        // 10 interactions per customer on average, spread over customers at random and over five years.
        int total = customers * interactionsPerCustomer;
        List<List<Interaction>> perCustomer = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            perCustomer.add(new ArrayList<>());
        }
        for (int n = 0; n < total; n++) {
            int c = random.nextInt(customers);
            Interaction it = new Interaction(InteractionId.of("I" + (10_000_000_000L + n)), ids[c], Channel.APP,
                    Direction.INBOUND, T0.plusSeconds(random.nextInt(5 * 365 * 86_400)), null, "login", null, null,
                    List.of(), null, null, null, meta);
            perCustomer.get(c).add(store.interactions().save(it));
        }
        Comparator<Interaction> newestFirst = Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id).reversed();
        baselineTimelines = new Interaction[customers][];
        secondPageCursor = new String[customers];
        for (int i = 0; i < customers; i++) {
            Interaction[] sorted = perCustomer.get(i).toArray(new Interaction[0]);
            Arrays.sort(sorted, newestFirst);
            baselineTimelines[i] = sorted;
            perCustomer.set(i, null);
        }
        probes = new int[PROBES];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = random.nextInt(customers);
        }
        // Customers with more than one page, for the second-page benchmark.
        for (int i = 0; i < customers; i++) {
            Interaction[] t = baselineTimelines[i];
            secondPageCursor[i] = t.length > PAGE ? io.crmkit.core.spi.TimelineCursor.of(t[PAGE - 1]).encode() : null;
        }
    }

    private int probe() {
        return probes[next++ & (PROBES - 1)];
    }

    @Benchmark
    public Object findById() {
        return store.customers().findById(ids[probe()]);
    }

    @Benchmark
    public Object findByIdBaselineHashMap() {
        return baselineMap.get(ids[probe()]);
    }

    @Benchmark
    public Page<Interaction> timelineFirstPage() {
        return store.interactions().timeline(ids[probe()], PageRequest.first(PAGE));
    }

    @Benchmark
    public Page<Interaction> timelineNextPage() {
        int c = probe();
        String cursor = secondPageCursor[c];
        return store.interactions().timeline(ids[c], cursor == null ? PageRequest.first(PAGE) : new PageRequest(cursor, PAGE));
    }

    @Benchmark
    public List<Interaction> timelineBaselineSortedArray() {
        Interaction[] t = baselineTimelines[probe()];
        return List.of(Arrays.copyOf(t, Math.min(PAGE, t.length)));
    }
}

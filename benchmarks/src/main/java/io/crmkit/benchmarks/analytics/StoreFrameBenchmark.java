package io.crmkit.benchmarks.analytics;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.ProductLine;
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
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The cost of building the feature frame from the in-memory reference store through the SPI:
 * customers, one brokerage account each with two snapshots (window start and today, three holdings),
 * ten interactions per customer in the window (10M for 1M customers) and tasks read in batches.
 * The store is filled through the repositories directly, so setup does not measure the services.
 *
 * <p>Baseline in the same run: {@link #plainScan} reads the same stored rows through the same SPI
 * calls (customer stream, account stream, snapshot and task batches, interaction stream) and only
 * touches one field of each, so the ratio is the reader's own work over the store's.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms10g", "-Xmx10g", "-XX:+UseParallelGC"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class StoreFrameBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final int INTERACTIONS = 10;

    @Param({"1000000"})
    public int customers;

    private InMemoryCrmStore store;
    private StoreFeatureReader reader;

    @Setup(Level.Trial)
    public void setUp() {
        store = InMemoryCrmStore.create();
        SplittableRandom rnd = new SplittableRandom(2026);
        Meta meta = Meta.created(NOW.minusSeconds(86_400L * 400), "bench");
        LocalDate today = LocalDate.of(2026, 3, 31);
        LocalDate start = today.minusDays(90);
        for (int i = 0; i < customers; i++) {
            CustomerId id = CustomerId.of(String.format("C%09d", i));
            store.customers().save(new Customer(id, CustomerType.INDIVIDUAL, CustomerName.of("Customer " + i), List.of(),
                    LocalDate.of(1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1), Profile.EMPTY, LifecycleStage.ACTIVE,
                    List.of(), null, null, null, Set.of(), List.of(), Map.of(), meta));
            AccountId acc = AccountId.of(String.format("A%09d", i));
            store.accounts().save(new LinkedAccount(acc, id, "trading", "X" + i, ProductLine.BROKERAGE, AccountRole.OWNER,
                    AccountStatus.OPEN, CNY, null, null, null, meta));
            store.accounts().saveSnapshot(new AccountSnapshot(acc, start, money(rnd, 100_000), List.of()));
            store.accounts().saveSnapshot(new AccountSnapshot(acc, today, money(rnd, 20_000), List.of(
                    new Holding("600519", AssetClass.EQUITY, BigDecimal.TEN, money(rnd, 50_000)),
                    new Holding("000001", AssetClass.EQUITY, BigDecimal.ONE, money(rnd, 10_000)),
                    new Holding("F001", AssetClass.FUND, BigDecimal.ONE, money(rnd, 30_000)))));
            for (int k = 0; k < INTERACTIONS; k++) {
                Instant at = NOW.minusSeconds(86_400L * rnd.nextInt(90));
                store.interactions().save(new Interaction(InteractionId.of(String.format("I%09d-%d", i, k)), id,
                        k % 2 == 0 ? Channel.APP : Channel.PHONE, k % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, at, null,
                        "Contact", null, rnd.nextInt(50) == 0 ? Outcome.COMPLAINT : Outcome.COMPLETED, List.of(), null,
                        null, null, meta));
            }
        }
        reader = StoreFeatureReader.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static Money money(SplittableRandom rnd, int scale) {
        return Money.of(BigDecimal.valueOf(rnd.nextInt(scale) * 100L, 2), CNY);
    }

    @Benchmark
    public FeatureFrame readFrame() {
        return reader.read(store, ProgressListener.none());
    }

    /** The same stored rows through the same SPI calls, one field of each summed: the floor. */
    @Benchmark
    public long plainScan() {
        long[] sum = {0};
        List<Customer> customers = new ArrayList<>();
        try (Stream<Customer> s = store.customers().stream(CustomerQuery.all())) {
            s.forEach(c -> {
                customers.add(c);
                sum[0] += c.lifecycle().ordinal();
            });
        }
        LocalDate today = LocalDate.of(2026, 3, 31);
        List<AccountId> batch = new ArrayList<>(Batch.MAX_IDS);
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(a -> {
                batch.add(a.id());
                if (batch.size() == Batch.MAX_IDS) {
                    sum[0] += snapshots(batch, today);
                }
            });
        }
        sum[0] += snapshots(batch, today);
        for (int from = 0; from < customers.size(); from += Batch.MAX_IDS) {
            List<CustomerId> ids = new ArrayList<>(Batch.MAX_IDS);
            for (int r = from; r < Math.min(customers.size(), from + Batch.MAX_IDS); r++) {
                ids.add(customers.get(r).id());
            }
            sum[0] += store.tasks().findByCustomers(ids).size();
        }
        try (Stream<Interaction> s = store.interactions().stream(NOW.minusSeconds(86_400L * 366), NOW.plusSeconds(86_400))) {
            s.forEach(i -> sum[0] += i.direction().ordinal());
        }
        return sum[0];
    }

    private long snapshots(List<AccountId> batch, LocalDate today) {
        long n = 0;
        for (AccountSnapshot snap : store.accounts().latestSnapshotsOf(batch, today).values()) {
            n += snap.holdings().size();
        }
        for (AccountSnapshot snap : store.accounts().latestSnapshotsOf(batch, today.minusDays(90)).values()) {
            n += snap.holdings().size();
        }
        batch.clear();
        return n;
    }
}

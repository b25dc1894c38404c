package io.crmkit.benchmarks.crypto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

import io.crmkit.benchmarks.jpa.BenchDatabase;
import io.crmkit.benchmarks.jpa.Quiet;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.org.StaffId;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.crypto.FieldEncryption;
import io.crmkit.jpa.crypto.LocalKeyring;

/**
 * JMH: field encryption's cost on the JPA store on PostgreSQL. The same customers (a passport, a
 * phone, an email and a postal address each: every default-sensitive kind) are written, read by id
 * and looked up by identifier on a plaintext store (the {@code plain*} baselines) and on an
 * encrypted one ({@code encrypted*}). Both stores live in the same fork, each on its own embedded
 * PostgreSQL started side by side, so the JIT, the machine's load and the servers' settings are
 * shared; the figure is the ratio encrypted / plain of each pair.
 *
 * <pre>java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar FieldEncryptionBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FieldEncryptionBenchmark {
    private static final Meta META = Meta.created(Instant.parse("2026-01-01T00:00:00Z"), "bench");

    @Param({"10000"})
    public int customers;

    private BenchDatabase plainDb;
    private BenchDatabase encryptedDb;
    private JpaCrmStore plain;
    private JpaCrmStore encrypted;
    private final SplittableRandom random = new SplittableRandom(11);
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void load() {
        Quiet.logs();
        plainDb = BenchDatabase.start("crypto_plain");
        encryptedDb = BenchDatabase.start("crypto_encrypted");
        JpaStoreConfig base = JpaStoreConfig.custom().batchWritesInTransactions(true).build();
        plain = JpaCrmStore.create(plainDb.dataSource(), base);
        encrypted = JpaCrmStore.create(encryptedDb.dataSource(), JpaStoreConfig.from(base)
                .fieldEncryption(FieldEncryption.of(LocalKeyring.generate("bench"))).build());
        for (JpaCrmStore store : new JpaCrmStore[] {plain, encrypted}) {
            for (int start = 0; start < customers; start += 1_000) {
                int first = start;
                store.runInTransaction(() -> {
                    for (int n = first; n < first + 1_000 && n < customers; n++) {
                        store.customers().save(customer(n));
                    }
                });
            }
        }
        next.set(customers);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        plain.close();
        encrypted.close();
        plainDb.close();
        encryptedDb.close();
    }

    static Customer customer(long n) {
        return new Customer(CustomerId.of(String.format("C%011d", n)), CustomerType.INDIVIDUAL,
                new CustomerName("Customer " + n, null, "客户" + n),
                List.of(Identifier.passport("GB", String.format("P%08d", n))),
                LocalDate.of(1960 + (int) (n % 40), 1 + (int) (n % 12), 1 + (int) (n % 28)), Profile.EMPTY,
                LifecycleStage.ACTIVE, List.of(), StaffId.of("rm-" + (n % 500)), null, null, Set.of("retail"),
                List.of(ContactPoint.phone("+86138" + String.format("%08d", n % 100_000_000), "mobile"),
                        ContactPoint.email("customer" + n + "@example.com", "home"),
                        ContactPoint.postal(new PostalAddress(List.of(n + " Century Avenue"), "Shanghai", "SH", "200120", "CN"),
                                "home")),
                Map.of("segment", ExtensionValue.text("mass")), META);
    }

    private int pick() {
        return random.nextInt(customers);
    }

    /** One new customer saved in its own transaction (document, identifier row, flush, commit). */
    private Customer write(JpaCrmStore store) {
        long n = next.getAndIncrement();
        return store.inTransaction(() -> store.customers().save(customer(n)));
    }

    private Customer read(JpaCrmStore store) {
        return store.customers().findById(CustomerId.of(String.format("C%011d", pick()))).orElseThrow();
    }

    private Customer lookup(JpaCrmStore store) {
        return store.customers().findByIdentifier(Identifier.passport("GB", String.format("P%08d", pick()))).orElseThrow();
    }

    @Benchmark
    public Customer plainWrite() {
        return write(plain);
    }

    @Benchmark
    public Customer encryptedWrite() {
        return write(encrypted);
    }

    /** One customer read by id and decoded. */
    @Benchmark
    public Customer plainRead() {
        return read(plain);
    }

    @Benchmark
    public Customer encryptedRead() {
        return read(encrypted);
    }

    /** One customer found by its passport: the natural-key lookup (a blind index when encrypted). */
    @Benchmark
    public Customer plainLookup() {
        return lookup(plain);
    }

    @Benchmark
    public Customer encryptedLookup() {
        return lookup(encrypted);
    }
}

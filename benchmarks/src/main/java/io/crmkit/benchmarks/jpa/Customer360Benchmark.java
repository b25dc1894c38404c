package io.crmkit.benchmarks.jpa;

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

import io.crmkit.core.customer.CustomerId;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.core.cache.CachingCrmStore;

/**
 * JMH: the customer 360 view on the embedded H2 store, with and without the read cache in front.
 * Sample-time mode, so JMH reports p50/p99 itself. The PostgreSQL scale run is
 * {@link Customer360Run}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Customer360Benchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Customer360Benchmark {
    @Param({"10000"})
    public int customers;

    @Param({"false", "true"})
    public boolean cached;

    private JpaCrmStore jpa;
    private io.crmkit.core.spi.CrmStore store;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void load() {
        Quiet.logs();
        jpa = JpaCrmStore.inMemoryH2("bench360", JpaStoreConfig.custom().batchWritesInTransactions(true).build());
        for (long start = 0; start < customers; start += 1_000) {
            long first = start;
            jpa.runInTransaction(() -> {
                for (long n = first; n < first + 1_000 && n < customers; n++) {
                    jpa.customers().save(Records.customer(n));
                    jpa.accounts().save(Records.account(n));
                    jpa.opportunities().save(Records.opportunity(n));
                    jpa.tasks().save(Records.task(n));
                    for (int k = 0; k < 10; k++) {
                        jpa.interactions().save(Records.interaction(n * 10 + k, n));
                    }
                }
            });
        }
        store = cached ? CachingCrmStore.wrap(jpa) : jpa;
    }

    @TearDown(Level.Trial)
    public void close() {
        jpa.close();
    }

    @Benchmark
    public int view() {
        return Customer360Run.view(store, CustomerId.of(Records.customerId(Customer360Run.pick(random, customers))));
    }
}

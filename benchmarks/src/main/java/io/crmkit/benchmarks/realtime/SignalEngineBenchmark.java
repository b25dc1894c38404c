package io.crmkit.benchmarks.realtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.Published;
import io.crmkit.core.signal.SignalEngine;

/**
 * Events per second on one core: {@code publish} of a freshly built event (new id, later time)
 * through 10 rules over 1M customers, deciding only (the decisions are counted; writing them is
 * the writer thread's work, measured by {@link AlertWriteRun}). Baseline in the same run: build the
 * same kind of event and only find and lock the customer's entry in a concurrent map, the least
 * any per-customer engine does.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SignalEngineBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SignalEngineBenchmark {
    @Param("1000000")
    int customers;

    private RealtimeFeed feed;
    private SignalEngine engine;
    private final LongAdder decisions = new LongAdder();
    private ConcurrentHashMap<CustomerId, long[]> baseline;

    @Setup(Level.Trial)
    public void setUp() {
        feed = new RealtimeFeed(customers, 16);
        engine = SignalEngine.builder(d -> decisions.increment()).rules(RealtimeFeed.rules())
                .maxCustomers(customers).build();
        baseline = new ConcurrentHashMap<>(customers * 2);
        // every customer has state before measuring: 3M events, about three per customer
        for (int i = 0; i < 3 * customers; i++) {
            engine.publish(feed.next());
        }
        for (CustomerId c : feed.customers) {
            baseline.put(c, new long[1]);
        }
        System.out.printf("%nstate: %d customers, %.0f bytes each, %d decisions in warm-up%n", engine.stats().customers(),
                (double) engine.stateBytes() / engine.stats().customers(), decisions.sum());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n%s%n", engine.stats());
        engine.close();
    }

    @Benchmark
    public Published publish() {
        return engine.publish(feed.next());
    }

    @Benchmark
    public long baselineLookupOnly() {
        HostEvent e = feed.next();
        long[] slot = baseline.get(e.customerId());
        synchronized (slot) {
            return ++slot[0];
        }
    }
}

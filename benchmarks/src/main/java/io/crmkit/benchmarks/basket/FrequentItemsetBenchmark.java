package io.crmkit.benchmarks.basket;

import io.crmkit.analytics.basket.Baskets;
import io.crmkit.analytics.basket.FrequentItemsetMiner;
import io.crmkit.analytics.basket.FrequentItemsets;
import io.crmkit.analytics.basket.MiningConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import smile.association.FPGrowth;
import smile.association.ItemSet;

/**
 * Frequent itemsets over 1,000,000 customers' holdings of 40 products: CRMKit's bit-mask miner
 * against Smile 1.5.3's FP-Growth (Apache-2.0; the peer the issue names) on the same baskets and
 * the same minimum count. Both return every frequent itemset with its count; the set-up checks
 * that the two results are identical before anything is timed.
 *
 * <p>Smile's {@code FPGrowth} is given the baskets as {@code int[][]} and builds its FP-tree inside
 * {@code learn()}, so both measurements include reading the baskets. CRMKit's runs on the
 * machine's cores ({@code threads} = 0) or on one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class FrequentItemsetBenchmark {

    @Param({"1000000"})
    public int customers;

    @Param({"40"})
    public int products;

    /** Minimum support as a fraction of customers. */
    @Param({"0.002"})
    public double minSupport;

    /** 0 = all processors. */
    @Param({"0", "1"})
    public int threads;

    private Baskets baskets;
    private int[][] arrays;
    private int minCount;
    private FrequentItemsetMiner miner;

    @Setup(Level.Trial)
    public void setUp() {
        long[] masks = SyntheticBaskets.masks(customers, products, 2026);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            names.add("P" + i);
        }
        baskets = Baskets.ofMasks(masks, names);
        arrays = SyntheticBaskets.arrays(masks);
        MiningConfig.Builder config = MiningConfig.custom().minSupport(minSupport);
        if (threads > 0) {
            config.parallelism(threads);
        }
        miner = FrequentItemsetMiner.of(config.build());
        minCount = (int) miner.config().minCount(customers);
        checkIdentical(miner.mine(baskets), new FPGrowth(arrays, minCount).learn());
    }

    /** Throws unless both miners found the same itemsets with the same counts. */
    static void checkIdentical(FrequentItemsets ours, List<ItemSet> smile) {
        Map<Long, Long> theirs = new HashMap<>();
        for (ItemSet s : smile) {
            long m = 0;
            for (int i : s.items) {
                m |= 1L << i;
            }
            theirs.put(m, (long) s.support);
        }
        Map<Long, Long> mine = new HashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            mine.put(ours.mask(i), ours.count(i));
        }
        if (!mine.equals(theirs)) {
            throw new IllegalStateException("itemsets differ: CRMKit " + mine.size() + ", Smile " + theirs.size());
        }
        System.out.println("identical itemsets: " + mine.size() + " (min count " + ours.minCount() + ")");
    }

    @Benchmark
    public FrequentItemsets crmkit() {
        return miner.mine(baskets);
    }

    @Benchmark
    public List<ItemSet> smileFpGrowth() {
        return new FPGrowth(arrays, minCount).learn();
    }
}

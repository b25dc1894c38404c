package io.crmkit.benchmarks.basket;

import io.crmkit.analytics.basket.Baskets;
import io.crmkit.analytics.basket.FrequentItemsetMiner;
import io.crmkit.analytics.basket.FrequentItemsets;
import io.crmkit.analytics.basket.MiningConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.association.FPGrowth;
import smile.association.ItemSet;

/**
 * A main-class harness for the same comparison as {@link FrequentItemsetBenchmark}: alternates
 * CRMKit and Smile runs in one JVM and prints each one's best and median time and their ratio.
 * {@code java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.basket.BasketRun
 * [customers] [products] [minSupport] [rounds]}.
 */
public final class BasketRun {

    private BasketRun() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        double minSupport = args.length > 2 ? Double.parseDouble(args[2]) : 0.002;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long[] masks = SyntheticBaskets.masks(customers, products, 2026);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            names.add("P" + i);
        }
        Baskets baskets = Baskets.ofMasks(masks, names);
        int[][] arrays = SyntheticBaskets.arrays(masks);
        FrequentItemsetMiner miner = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(minSupport).build());
        FrequentItemsetMiner single = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(minSupport)
                .parallelism(1).build());
        int minCount = (int) miner.config().minCount(customers);
        System.out.printf("%d customers, %d products, mean basket %.2f, min support %s (count %d)%n", customers,
                products, Arrays.stream(masks).map(Long::bitCount).average().orElse(0), minSupport, minCount);
        long[] ours = new long[rounds];
        long[] ours1 = new long[rounds];
        long[] smile = new long[rounds];
        FrequentItemsets last = null;
        List<ItemSet> lastSmile = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            last = miner.mine(baskets);
            long t1 = System.nanoTime();
            single.mine(baskets);
            long t2 = System.nanoTime();
            lastSmile = new FPGrowth(arrays, minCount).learn();
            long t3 = System.nanoTime();
            ours[r] = t1 - t0;
            ours1[r] = t2 - t1;
            smile[r] = t3 - t2;
            System.out.printf("round %d: crmkit %.1f ms, crmkit 1 thread %.1f ms, smile %.1f ms%n", r, ms(ours[r]),
                    ms(ours1[r]), ms(smile[r]));
        }
        FrequentItemsetBenchmark.checkIdentical(last, lastSmile);
        report("crmkit (all cores)", ours, smile);
        report("crmkit (1 thread)", ours1, smile);
    }

    static void report(String what, long[] ours, long[] peer) {
        long[] a = ours.clone();
        long[] b = peer.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf("%s: best %.1f ms, median %.1f ms; peer best %.1f ms, median %.1f ms; ratio best %.1fx,"
                + " median %.1fx%n", what, ms(a[0]), ms(a[a.length / 2]), ms(b[0]), ms(b[b.length / 2]),
                (double) b[0] / a[0], (double) b[b.length / 2] / a[a.length / 2]);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}

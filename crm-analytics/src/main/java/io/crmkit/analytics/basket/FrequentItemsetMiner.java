package io.crmkit.analytics.basket;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds every frequent itemset of a {@link Baskets} data set: each set of items held together by
 * at least the configured minimum number of baskets, with its exact count. The same itemsets as
 * FP-Growth (Smile's {@code FPGrowth}, Spark's {@code FPGrowth}) or Apriori would find.
 *
 * <p>How: items below the minimum support are dropped, the rest renumbered by ascending support,
 * equal baskets merged into one weighted mask, and each first item's branch searched depth first
 * over conditional databases of masks (see the package's kernel). Branches run on
 * {@link MiningConfig#parallelism()} threads; their results are joined in item order and sorted,
 * so the result is the same for any number of threads.
 *
 * <pre>{@code
 * FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.02).build()).mine(baskets);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FrequentItemsetMiner {

    private final MiningConfig config;

    private FrequentItemsetMiner(MiningConfig config) {
        this.config = config;
    }

    public static FrequentItemsetMiner of(MiningConfig config) {
        return new FrequentItemsetMiner(Checks.notNull(config, "basket.config"));
    }

    public static FrequentItemsetMiner ofDefaults() {
        return of(MiningConfig.ofDefaults());
    }

    public MiningConfig config() {
        return config;
    }

    /**
     * Mines {@code baskets}.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code baskets} when null, or
     *     {@code basket.minSupport} when the data would yield more than
     *     {@link MiningConfig#maxItemsets()} itemsets
     */
    public FrequentItemsets mine(Baskets baskets) {
        Checks.notNull(baskets, "baskets");
        long[] raw = baskets.rawMasks();
        int n = raw.length;
        long minCount = config.minCount(n);
        long[] itemCounts = new long[Baskets.MAX_ITEMS];
        for (long mask : raw) {
            for (long m = mask; m != 0; m &= m - 1) {
                itemCounts[Long.numberOfTrailingZeros(m)]++;
            }
        }
        int[] order = frequentByAscendingSupport(itemCounts, baskets.items().size(), minCount);
        int f = order.length;
        if (f == 0) {
            return new FrequentItemsets(baskets.items(), n, minCount, new long[0], new long[0]);
        }
        long[][] toRank = byteTable(order, true);
        long[] renumbered = new long[n];
        for (int t = 0; t < n; t++) {
            renumbered[t] = translate(raw[t], toRank);
        }
        long[][] db = MaskMiner.distinct(renumbered);
        AtomicLong found = new AtomicLong();
        MaskMiner root = new MaskMiner(minCount, config.maxLength(), config.maxItemsets(), found);
        MaskMiner.LongBuffer rootSets = new MaskMiner.LongBuffer();
        MaskMiner.LongBuffer rootCounts = new MaskMiner.LongBuffer();
        root.output(rootSets, rootCounts);
        long parents = root.root(db[0], db[1]);
        long[][] delivered = root.rootArrays();
        int[] firsts = new int[Long.bitCount(parents)];
        for (int i = 0, q = 0; i < firsts.length; i++) {
            firsts[i] = Long.numberOfTrailingZeros(parents >>> q) + q;
            q = firsts[i] + 1;
        }
        MaskMiner.LongBuffer[] branchSets = new MaskMiner.LongBuffer[firsts.length + 1];
        MaskMiner.LongBuffer[] branchCounts = new MaskMiner.LongBuffer[firsts.length + 1];
        branchSets[firsts.length] = rootSets;
        branchCounts[firsts.length] = rootCounts;
        ThreadLocal<MaskMiner> miners = ThreadLocal.withInitial(
                () -> new MaskMiner(minCount, config.maxLength(), config.maxItemsets(), found));
        // One chunk per first item, handed out in order: the rare-item branches (small databases)
        // and the frequent-item ones (short searches) interleave across the workers.
        Parallel.forEachChunk(firsts.length, 1, config.parallelism(), "basket", ProgressListener.none(),
                (c, from, to) -> {
                    int b = firsts[c];
                    branchSets[c] = new MaskMiner.LongBuffer();
                    branchCounts[c] = new MaskMiner.LongBuffer();
                    MaskMiner miner = miners.get();
                    miner.output(branchSets[c], branchCounts[c]);
                    miner.mineBranch(delivered[0], delivered[1], root.sliceStart(b), root.sliceLength(b), b);
                });
        int total = 0;
        for (MaskMiner.LongBuffer b : branchSets) {
            total += b.size();
        }
        long[] outSets = new long[total];
        long[] outCounts = new long[total];
        long[][] fromRank = byteTable(order, false);
        int at = 0;
        for (int c = 0; c < branchSets.length; c++) {
            for (int i = 0; i < branchSets[c].size(); i++) {
                outSets[at] = translate(branchSets[c].get(i), fromRank);
                outCounts[at++] = branchCounts[c].get(i);
            }
        }
        return new FrequentItemsets(baskets.items(), n, minCount, outSets, outCounts);
    }

    /** Frequent items by ascending count, ties by item number. */
    private static int[] frequentByAscendingSupport(long[] counts, int items, long minCount) {
        return java.util.stream.IntStream.range(0, items).filter(i -> counts[i] >= minCount).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Long.compare(counts[a], counts[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Eight 256-entry tables that translate a mask one byte at a time: forward from item numbers
     * to ranks (items not in {@code order} vanish), or back from ranks to item numbers.
     */
    private static long[][] byteTable(int[] order, boolean forward) {
        long[] single = new long[Baskets.MAX_ITEMS];
        for (int rank = 0; rank < order.length; rank++) {
            if (forward) {
                single[order[rank]] = 1L << rank;
            } else {
                single[rank] = 1L << order[rank];
            }
        }
        long[][] table = new long[8][256];
        for (int k = 0; k < 8; k++) {
            for (int v = 1; v < 256; v++) {
                int low = Integer.numberOfTrailingZeros(v);
                table[k][v] = table[k][v & (v - 1)] | single[k * 8 + low];
            }
        }
        return table;
    }

    private static long translate(long mask, long[][] table) {
        long out = 0;
        for (int k = 0; mask != 0; k++, mask >>>= 8) {
            out |= table[k][(int) (mask & 0xFF)];
        }
        return out;
    }
}

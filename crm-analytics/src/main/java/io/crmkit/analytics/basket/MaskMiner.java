package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mining kernel: a depth-first search over conditional databases of bit masks, in the manner
 * of LCM's "occurrence deliver" (Uno et al., 2004). A database is a slice of distinct masks with
 * weights (how many baskets share the mask). At each node one pass counts every item's support,
 * and a second pass hands each mask, cut to the items after {@code b}, to the database of every
 * frequent item {@code b} it holds; masks that became equal are then merged. With at most 64
 * items a basket is one {@code long}, so cutting and counting are a few instructions, and a mask
 * is touched once per item it holds rather than once per candidate item.
 *
 * <p>Items arrive renumbered by ascending support: the rarest items open the searches with the
 * smallest databases, and the frequent items, which every database carries, sit at the end where
 * each cut removes them soonest.
 *
 * <p>An instance is used by one thread at a time (it owns per-depth scratch arrays); the shared
 * itemset counter is thread-safe.
 */
final class MaskMiner {

    /** Databases at least this large are merged: a few hundred masks are scanned faster than hashed. */
    private static final int MERGE_FROM = 256;
    private static final int DEPTHS = Baskets.MAX_ITEMS + 1;

    private final long minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final AtomicLong found;
    private LongBuffer outMasks = new LongBuffer();
    private LongBuffer outCounts = new LongBuffer();
    // per depth: the children's databases delivered at that depth, their slices, the merge table
    private final long[][] dbMasks = new long[DEPTHS][];
    private final long[][] dbWeights = new long[DEPTHS][];
    private final int[][] start = new int[DEPTHS][Baskets.MAX_ITEMS];
    private final int[][] length = new int[DEPTHS][Baskets.MAX_ITEMS];
    private final long[][] counts = new long[DEPTHS][Baskets.MAX_ITEMS];
    private final int[][] occurrences = new int[DEPTHS][Baskets.MAX_ITEMS];
    private long[] tableKeys = new long[0];
    private int[] tableSlots = new int[0];

    MaskMiner(long minCount, int maxLength, int maxItemsets, AtomicLong found) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.maxItemsets = maxItemsets;
        this.found = found;
    }

    /** Sends the itemsets found from now on to these buffers (itemset masks and their counts). */
    void output(LongBuffer itemsets, LongBuffer itemsetCounts) {
        this.outMasks = itemsets;
        this.outCounts = itemsetCounts;
    }

    /**
     * Counts and emits the frequent single items of the root database, and delivers their
     * databases at depth 0. Returns the items that have a database ({@link #slice} gives it).
     */
    long root(long[] masks, long[] weights) {
        return expand(masks, weights, 0, masks.length, 0L, 0);
    }

    /** The delivered database of item {@code b} at depth 0: {masks, weights, from, to}. */
    long[][] rootArrays() {
        return new long[][] {dbMasks[0], dbWeights[0]};
    }

    int sliceStart(int b) {
        return start[0][b];
    }

    int sliceLength(int b) {
        return length[0][b];
    }

    /**
     * Mines the extensions of the one-item prefix {@code b} from its delivered database (a slice of
     * the root's arrays, which this call merges in place: slices of different items never overlap).
     */
    void mineBranch(long[] masks, long[] weights, int from, int size, int b) {
        int n = size >= MERGE_FROM ? merge(masks, weights, from, size) : size;
        mine(masks, weights, from, from + n, 1L << b, 1);
    }

    private void mine(long[] masks, long[] weights, int from, int to, long prefix, int depth) {
        long parents = expand(masks, weights, from, to, prefix, depth);
        if (parents == 0) {
            return;
        }
        long[] childMasks = dbMasks[depth];
        long[] childWeights = dbWeights[depth];
        for (long q = parents; q != 0; q &= q - 1) {
            int b = Long.numberOfTrailingZeros(q);
            int s = start[depth][b];
            int n = length[depth][b];
            if (n == 0) {
                continue;
            }
            if (n >= MERGE_FROM) {
                n = merge(childMasks, childWeights, s, n);
            }
            mine(childMasks, childWeights, s, s + n, prefix | (1L << b), depth + 1);
        }
    }

    /**
     * The work of one node: counts the items of the database, emits {@code prefix + b} for every
     * frequent item b, and (when longer itemsets are wanted) delivers the children's databases at
     * {@code depth}. Returns the items whose database was delivered.
     */
    private long expand(long[] masks, long[] weights, int from, int to, long prefix, int depth) {
        long[] cnt = counts[depth];
        int[] occ = occurrences[depth];
        Arrays.fill(cnt, 0);
        Arrays.fill(occ, 0);
        for (int t = from; t < to; t++) {
            long w = weights[t];
            for (long m = masks[t]; m != 0; m &= m - 1) {
                int b = Long.numberOfTrailingZeros(m);
                cnt[b] += w;
                occ[b]++;
            }
        }
        long frequent = 0;
        for (int b = 0; b < Baskets.MAX_ITEMS; b++) {
            if (cnt[b] >= minCount) {
                frequent |= 1L << b;
                emit(prefix | (1L << b), cnt[b]);
            }
        }
        if (Long.bitCount(prefix) + 2 > maxLength) {
            return 0;
        }
        long parents = 0;
        int total = 0;
        int[] st = start[depth];
        int[] len = length[depth];
        for (long q = frequent; q != 0; q &= q - 1) {
            int b = Long.numberOfTrailingZeros(q);
            if ((frequent & after(b)) != 0) {
                parents |= 1L << b;
                st[b] = total;
                len[b] = 0;
                total += occ[b];
            }
        }
        if (parents == 0) {
            return 0;
        }
        ensure(depth, total);
        long[] outM = dbMasks[depth];
        long[] outW = dbWeights[depth];
        for (int t = from; t < to; t++) {
            long m = masks[t] & frequent;
            long w = weights[t];
            for (long q = m & parents; q != 0; q &= q - 1) {
                int b = Long.numberOfTrailingZeros(q);
                long cut = m & after(b);
                if (cut == 0) {
                    break;   // q runs upwards: no later bit of m has anything after it either
                }
                int at = st[b] + len[b]++;
                outM[at] = cut;
                outW[at] = w;
            }
        }
        return parents;
    }

    /**
     * Merges equal masks of the slice {@code [from, from + n)} in place (the first occurrence keeps
     * its place and takes the weights); returns the new length.
     */
    private int merge(long[] m, long[] w, int from, int n) {
        int cap = Integer.highestOneBit(n * 2 - 1) << 1;
        if (tableKeys.length < cap) {
            tableKeys = new long[cap];
            tableSlots = new int[cap];
        }
        long[] keys = tableKeys;
        int[] slots = tableSlots;
        Arrays.fill(slots, 0, cap, -1);
        int mask = cap - 1;
        int out = from;
        for (int t = from; t < from + n; t++) {
            long key = m[t];
            int s = hash(key) & mask;
            while (true) {
                int at = slots[s];
                if (at < 0) {
                    slots[s] = out;
                    keys[s] = key;
                    m[out] = key;
                    w[out++] = w[t];
                    break;
                }
                if (keys[s] == key) {
                    w[at] += w[t];
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return out - from;
    }

    private void ensure(int depth, int size) {
        if (dbMasks[depth] == null || dbMasks[depth].length < size) {
            int cap = dbMasks[depth] == null ? size : Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8,
                    dbMasks[depth].length * 3L / 2));
            dbMasks[depth] = new long[cap];
            dbWeights[depth] = new long[cap];
        }
    }

    private void emit(long itemset, long count) {
        if (found.incrementAndGet() > maxItemsets) {
            throw Checks.invalid("basket.minSupport", "TooManyItemsets", "yields more than " + maxItemsets
                    + " frequent itemsets: raise the minimum support, lower maxLength or raise maxItemsets");
        }
        outMasks.add(itemset);
        outCounts.add(count);
    }

    /** The items after {@code b}: bits {@code b+1..63}. */
    static long after(int b) {
        return b == 63 ? 0 : -1L << (b + 1);
    }

    static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /**
     * Distinct masks of {@code masks} with their multiplicities, zero masks dropped, in order of
     * first appearance. Returns {masks, weights} trimmed to size.
     */
    static long[][] distinct(long[] masks) {
        long[] m = new long[masks.length];
        long[] w = new long[masks.length];
        int n = 0;
        for (long key : masks) {
            if (key != 0) {
                m[n] = key;
                w[n++] = 1;
            }
        }
        if (n == 0) {
            return new long[][] {new long[0], new long[0]};
        }
        MaskMiner scratch = new MaskMiner(1, 1, 1, new AtomicLong());
        int d = scratch.merge(m, w, 0, n);
        return new long[][] {Arrays.copyOf(m, d), Arrays.copyOf(w, d)};
    }

    /** A growable array of longs. */
    static final class LongBuffer {
        private long[] data = new long[256];
        private int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return data[i];
        }
    }
}

package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mining kernel: a depth-first search over conditional databases of bit masks, in the manner
 * of Eclat/LCM ("occurrence deliver" over a horizontal layout). Each database is a list of
 * distinct masks with weights (how many baskets share the mask); extending a prefix by item
 * {@code b} keeps the masks that contain {@code b}, cut to the items after {@code b} that are
 * still frequent, and merges masks that became equal. With at most 64 items a whole transaction is
 * one {@code long}, so projection and counting are a few instructions per basket.
 *
 * <p>Items are renumbered by ascending support first: the rarest items open the searches with
 * the smallest databases, and the frequent items, which every search carries, sit at the end
 * where each projection cuts them away soonest.
 *
 * <p>One instance mines one branch (one first item) at a time; instances are not thread-safe,
 * the shared counter is.
 */
final class MaskMiner {

    private final long minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final AtomicLong found;
    private LongBuffer outMasks = new LongBuffer();
    private LongBuffer outCounts = new LongBuffer();
    // per-depth scratch: the conditional database built at that depth and its merge table
    private long[][] dbMasks = new long[8][];
    private long[][] dbWeights = new long[8][];
    private long[][] tableKeys = new long[8][];
    private int[][] tableSlots = new int[8][];
    private final long[][] counts = new long[Baskets.MAX_ITEMS + 1][Baskets.MAX_ITEMS];

    MaskMiner(long minCount, int maxLength, int maxItemsets, AtomicLong found) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.maxItemsets = maxItemsets;
        this.found = found;
    }

    /**
     * Mines every itemset whose smallest item is {@code first}: emits {@code {first}} with its
     * count and then its extensions, from the root database (distinct masks, renumbered items),
     * into the two buffers (itemset masks and their counts).
     */
    void mineBranch(long[] masks, long[] weights, int size, int first, long firstCount, long frequentItems,
                    LongBuffer itemsets, LongBuffer itemsetCounts) {
        this.outMasks = itemsets;
        this.outCounts = itemsetCounts;
        long bit = 1L << first;
        emit(bit, firstCount);
        if (maxLength == 1) {
            return;
        }
        long higher = frequentItems & after(first);
        if (higher == 0) {
            return;
        }
        int childSize = project(masks, weights, size, bit, higher, 1, firstCount);
        if (childSize > 0) {
            mine(dbMasks[1], dbWeights[1], childSize, bit, 1);
        }
    }

    /** Mines the extensions of {@code prefix} (of length {@code depth}) in the given database. */
    private void mine(long[] masks, long[] weights, int size, long prefix, int depth) {
        long[] cnt = counts[depth];
        Arrays.fill(cnt, 0);
        for (int t = 0; t < size; t++) {
            long w = weights[t];
            for (long m = masks[t]; m != 0; m &= m - 1) {
                cnt[Long.numberOfTrailingZeros(m)] += w;
            }
        }
        long frequent = 0;
        for (int b = 0; b < Baskets.MAX_ITEMS; b++) {
            if (cnt[b] >= minCount) {
                frequent |= 1L << b;
            }
        }
        for (long f = frequent; f != 0; f &= f - 1) {
            int b = Long.numberOfTrailingZeros(f);
            long itemset = prefix | (1L << b);
            emit(itemset, cnt[b]);
            if (depth + 1 >= maxLength) {
                continue;
            }
            long higher = frequent & after(b);
            if (higher == 0) {
                continue;
            }
            int childSize = project(masks, weights, size, 1L << b, higher, depth + 1, cnt[b]);
            if (childSize > 0) {
                mine(dbMasks[depth + 1], dbWeights[depth + 1], childSize, itemset, depth + 1);
            }
        }
    }

    /**
     * Builds at {@code depth} the database of the masks holding {@code bit}, cut to
     * {@code keep}, without empty masks, equal masks merged. Returns its size. {@code support}, the
     * weight of the masks holding the bit, bounds how many there are.
     */
    private int project(long[] masks, long[] weights, int size, long bit, long keep, int depth, long support) {
        ensure(depth, (int) Math.min(size, support));
        long[] outM = dbMasks[depth];
        long[] outW = dbWeights[depth];
        int n = 0;
        for (int t = 0; t < size; t++) {
            long m = masks[t];
            if ((m & bit) != 0) {
                long cut = m & keep;
                if (cut != 0) {
                    outM[n] = cut;
                    outW[n++] = weights[t];
                }
            }
        }
        // Merging pays when a database is large: projections of a few hundred masks are scanned
        // faster than hashed.
        return n >= 512 ? merge(outM, outW, n, depth) : n;
    }

    /** Merges equal masks in place (first occurrence keeps its place); returns the new size. */
    private int merge(long[] m, long[] w, int n, int depth) {
        int cap = Integer.highestOneBit(n * 2 - 1) << 1;
        if (tableKeys[depth] == null || tableKeys[depth].length < cap) {
            tableKeys[depth] = new long[cap];
            tableSlots[depth] = new int[cap];
        }
        long[] keys = tableKeys[depth];
        int[] slots = tableSlots[depth];
        Arrays.fill(slots, 0, cap, -1);
        int mask = cap - 1;
        int out = 0;
        for (int t = 0; t < n; t++) {
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
        return out;
    }

    private void ensure(int depth, int size) {
        if (depth >= dbMasks.length) {
            dbMasks = Arrays.copyOf(dbMasks, Baskets.MAX_ITEMS + 1);
            dbWeights = Arrays.copyOf(dbWeights, Baskets.MAX_ITEMS + 1);
            tableKeys = Arrays.copyOf(tableKeys, Baskets.MAX_ITEMS + 1);
            tableSlots = Arrays.copyOf(tableSlots, Baskets.MAX_ITEMS + 1);
        }
        if (dbMasks[depth] == null || dbMasks[depth].length < size) {
            dbMasks[depth] = new long[size];
            dbWeights[depth] = new long[size];
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
        int n = masks.length;
        int cap = Integer.highestOneBit(Math.max(2, n * 2 - 1)) << 1;
        long[] keys = new long[cap];
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        long[] outM = new long[Math.min(n, 1 << 16)];
        long[] outW = new long[outM.length];
        int mask = cap - 1;
        int out = 0;
        for (long key : masks) {
            if (key == 0) {
                continue;
            }
            int s = hash(key) & mask;
            while (true) {
                int at = slots[s];
                if (at < 0) {
                    if (out == outM.length) {
                        outM = Arrays.copyOf(outM, Math.min(n, outM.length * 2));
                        outW = Arrays.copyOf(outW, outM.length);
                    }
                    slots[s] = out;
                    keys[s] = key;
                    outM[out] = key;
                    outW[out++] = 1;
                    break;
                }
                if (keys[s] == key) {
                    outW[at]++;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return new long[][] {Arrays.copyOf(outM, out), Arrays.copyOf(outW, out)};
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

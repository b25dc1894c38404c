package io.crmkit.core.signal;

/**
 * The layout of one rolling window over one event kind at one bucket size, and the code that reads
 * and updates it. The numbers live in the customer's slab of the ring's kind (the rings of one kind
 * side by side, see {@link CustomerState}): at {@link #head} from the slab's start the newest bucket
 * ({@link Long#MIN_VALUE} before the first event), then a mask of the slots holding a bucket of the
 * ring's span that has had an event (bit {@code i} for slot {@code i}) — the heads of a kind's rings
 * are next to each other at the slab's start, so one cache line holds them all — and at
 * {@link #cellsAt} {@link #slots} buckets of {@link #width} cells each — the count (if a rule counts), the sum's bits (if a rule sums or
 * averages) and the maximum's bits (if a rule takes the maximum). A slot whose bit is clear holds
 * whatever an older bucket left there and is read as empty, so moving the ring on writes only the
 * mask, and reading a window visits only the buckets that have had events: a customer whose events
 * are hours apart touches a line or two of the ring, not all of it. Only the newest {@code slots}
 * buckets exist, so the footprint is fixed whatever the event rate. Immutable; the record is guarded
 * by its segment's lock.
 */
final class Ring {
    static final long EMPTY_MAX = Double.doubleToRawLongBits(Double.NaN);
    /** Longs of a ring's head: the newest bucket and the mask. */
    static final int HEAD = 2;

    final int kind;
    final long bucketMillis;
    final int slots;
    final boolean counts;
    final boolean sums;
    final boolean maxima;
    /** Where the ring's head and its buckets start in its kind's slab. */
    final int head;
    final int cellsAt;
    final int width;
    private final int sumAt;
    private final int maxAt;
    private final double perBucket;
    private final double perSlots;

    Ring(int kind, long bucketMillis, int slots, boolean counts, boolean sums, boolean maxima, int head,
            int cellsAt) {
        if (slots < 1 || slots > 63) {
            throw new IllegalArgumentException("a ring has 1 to 63 slots");
        }
        this.kind = kind;
        this.bucketMillis = bucketMillis;
        this.slots = slots;
        this.counts = counts;
        this.sums = sums;
        this.maxima = maxima;
        this.head = head;
        this.cellsAt = cellsAt;
        this.sumAt = counts ? 1 : 0;
        this.maxAt = sumAt + (sums ? 1 : 0);
        this.width = maxAt + (maxima ? 1 : 0);
        this.perBucket = 1.0 / bucketMillis;
        this.perSlots = 1.0 / slots;
    }

    /** The bucket of time {@code t}: {@code floorDiv(t, bucketMillis)}. */
    long bucketOf(long t) {
        return quotient(t, bucketMillis, perBucket);
    }

    /** Longs this ring's buckets take in its kind's slab (its head takes {@link #HEAD} more). */
    int cellsLength() {
        return slots * width;
    }

    /** Marks the ring empty in a new slab starting at {@code base}. */
    void init(long[] p, int base) {
        p[base + head] = Long.MIN_VALUE;
        p[base + head + 1] = 0;
    }

    /** Adds a value to bucket {@code b} of the slab at {@code base}; {@code b} is never older than the newest bucket. */
    void add(long[] p, int base, long b, double v) {
        int at = base + head;
        long newest = p[at];
        long mask = p[at + 1];
        if (newest == Long.MIN_VALUE || b - newest >= slots) {
            mask = 0;
            p[at] = b;
        } else if (b > newest) {
            // the slots of buckets newest+1 .. b held buckets that have now left the span
            int next = slot(newest) + 1;
            mask &= ~bits(next == slots ? 0 : next, (int) (b - newest));
            p[at] = b;
        }
        int i = slot(b);
        int cell = base + cellsAt + i * width;
        if ((mask & (1L << i)) == 0) {
            clear(p, cell);
            p[at + 1] = mask | (1L << i);
        } else if (mask != p[at + 1]) {
            p[at + 1] = mask;
        }
        if (counts) {
            p[cell]++;
        }
        if (sums) {
            p[cell + sumAt] = Double.doubleToRawLongBits(Double.longBitsToDouble(p[cell + sumAt]) + v);
        }
        if (maxima) {
            double m = Double.longBitsToDouble(p[cell + maxAt]);
            p[cell + maxAt] = Double.doubleToRawLongBits(Double.isNaN(m) ? v : Math.max(m, v));
        }
    }

    /** The slots {@code from, from + 1, ...} ({@code n} of them, wrapping after the last), as a mask. */
    private long bits(int from, int n) {
        int end = from + n;
        if (end <= slots) {
            return ((1L << n) - 1) << from;
        }
        return (((1L << (slots - from)) - 1) << from) | ((1L << (end - slots)) - 1);
    }

    /** Where bucket {@code b} lives among the slots. */
    private int slot(long b) {
        return (int) (b - quotient(b, slots, perSlots) * slots);
    }

    /**
     * {@code floorDiv(x, d)} without a 64-bit division (tens of cycles, several per ring per event):
     * for {@code 0 <= x < 2^50} the product with {@code 1/d} is within 1/4 of {@code x / d}, so its
     * truncation is off by at most one, which the remainder corrects. Exact for every {@code x}.
     */
    static long quotient(long x, long d, double inverse) {
        if (x < 0 || x >= 1L << 50) {
            return Math.floorDiv(x, d);
        }
        long q = (long) (x * inverse);
        long r = x - q * d;
        if (r < 0) {
            q--;
        } else if (r >= d) {
            q++;
        }
        return q;
    }

    /** Empties the bucket whose cells start at {@code cell}. */
    private void clear(long[] p, int cell) {
        if (counts) {
            p[cell] = 0;
        }
        if (sums) {
            p[cell + sumAt] = 0; // the bits of 0.0
        }
        if (maxima) {
            p[cell + maxAt] = EMPTY_MAX;
        }
    }

    /**
     * The measure over buckets {@code b - n + 1 .. b}, of which only those still in the ring count;
     * sums add the buckets oldest first (skipping empty ones, which add nothing).
     */
    double measure(long[] p, int base, Measure m, long b, int n) {
        int at = base + head;
        long newest = p[at];
        if (newest == Long.MIN_VALUE) {
            return 0;
        }
        long lo = Math.max(b - n + 1, newest - slots + 1);
        long hi = Math.min(b, newest);
        if (lo > hi) {
            return 0;
        }
        int first = slot(lo);
        long window = p[at + 1] & bits(first, (int) (hi - lo + 1));
        // oldest first: the slots from the window's first one up, then those after the wrap
        long later = window & (-1L << first);
        long wrapped = window & ~(-1L << first);
        int cells = base + cellsAt;
        switch (m) {
            case COUNT:
                return count(p, cells, later) + count(p, cells, wrapped);
            case MAX:
                double max = max(p, cells + maxAt, wrapped, max(p, cells + maxAt, later, Double.NaN));
                return Double.isNaN(max) ? 0 : max;
            default:
                return sum(p, cells + sumAt, wrapped, sum(p, cells + sumAt, later, 0));
        }
    }

    private long count(long[] p, int cells, long slotsSet) {
        long acc = 0;
        for (long s = slotsSet; s != 0; s &= s - 1) {
            acc += p[cells + Long.numberOfTrailingZeros(s) * width];
        }
        return acc;
    }

    private double sum(long[] p, int cells, long slotsSet, double acc) {
        for (long s = slotsSet; s != 0; s &= s - 1) {
            acc += Double.longBitsToDouble(p[cells + Long.numberOfTrailingZeros(s) * width]);
        }
        return acc;
    }

    /** The largest of {@code acc} (NaN for none yet) and the buckets' maxima; 0 for none at all. */
    private double max(long[] p, int cells, long slotsSet, double acc) {
        for (long s = slotsSet; s != 0; s &= s - 1) {
            double v = Double.longBitsToDouble(p[cells + Long.numberOfTrailingZeros(s) * width]);
            acc = Double.isNaN(acc) ? v : Math.max(acc, v);
        }
        return acc;
    }

    // Checkpoints keep the layout without the mask: per ring the newest bucket, then every slot's
    // cells, empty ones as zero counts and sums and NaN maxima (format 2, also what the engine before
    // the mask wrote); format 1 kept each bucket as int count, then the sum and the maximum if kept.

    /** Writes the ring of the slab at {@code base} as checkpoint format 2 holds it. */
    void write(long[] p, int base, java.io.DataOutput out) throws java.io.IOException {
        int at = base + head;
        out.writeLong(p[at]);
        long mask = p[at + 1];
        for (int i = 0; i < slots; i++) {
            int cell = base + cellsAt + i * width;
            boolean held = (mask & (1L << i)) != 0;
            if (counts) {
                out.writeLong(held ? p[cell] : 0);
            }
            if (sums) {
                out.writeLong(held ? p[cell + sumAt] : 0);
            }
            if (maxima) {
                out.writeLong(held ? p[cell + maxAt] : EMPTY_MAX);
            }
        }
    }

    /** Reads one ring as checkpoint format 2 holds it into the slab at {@code base}. */
    void read(long[] p, int base, java.io.DataInput in) throws java.io.IOException {
        int at = base + head;
        p[at] = in.readLong();
        for (int i = 0; i < slots; i++) {
            int cell = base + cellsAt + i * width;
            for (int c = 0; c < width; c++) {
                p[cell + c] = in.readLong();
            }
        }
        p[at + 1] = held(p, base);
    }

    /** Reads one ring as checkpoint format 1 wrote it into the slab at {@code base}. */
    void readFormat1(long[] p, int base, java.io.DataInput in) throws java.io.IOException {
        int at = base + head;
        p[at] = in.readLong();
        for (int i = 0; i < slots; i++) {
            int cell = base + cellsAt + i * width;
            int c = in.readInt();
            if (counts) {
                p[cell] = c;
            }
            if (sums) {
                p[cell + sumAt] = Double.doubleToRawLongBits(in.readDouble());
            }
            if (maxima) {
                double m = in.readDouble();
                p[cell + maxAt] = c == 0 ? EMPTY_MAX : Double.doubleToRawLongBits(m);
            }
        }
        p[at + 1] = held(p, base);
    }

    /**
     * The mask of a ring read from a checkpoint, whose every slot holds a bucket of the span: the
     * buckets with a count, a maximum or a sum other than zero (one with only a zero sum reads the
     * same either way).
     */
    private long held(long[] p, int base) {
        int at = base + head;
        if (p[at] == Long.MIN_VALUE) {
            return 0;
        }
        long mask = 0;
        for (int i = 0; i < slots; i++) {
            int cell = base + cellsAt + i * width;
            boolean any = (counts && p[cell] != 0) || (sums && Double.longBitsToDouble(p[cell + sumAt]) != 0)
                    || (maxima && !Double.isNaN(Double.longBitsToDouble(p[cell + maxAt])));
            if (any) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}

package io.crmkit.core.signal;

/**
 * The layout of one rolling window over one event kind at one bucket size, and the code that reads
 * and updates it. The numbers live in the customer's slab of the ring's kind (the rings of one kind
 * side by side, see {@link CustomerState}): at {@link #offset} from the slab's start the newest bucket
 * ({@link Long#MIN_VALUE} before the first event), then {@link #slots} buckets of {@link #width}
 * cells each — the count (if a rule counts), the sum's bits (if a rule sums or averages) and the
 * maximum's bits (if a rule takes the maximum; NaN while the bucket is empty). Only the newest
 * {@code slots} buckets exist; older ones are overwritten as time moves on, so the footprint is fixed
 * whatever the event rate. Immutable; the record is guarded by its segment's lock.
 */
final class Ring {
    static final long EMPTY_MAX = Double.doubleToRawLongBits(Double.NaN);

    final int kind;
    final long bucketMillis;
    final int slots;
    final boolean counts;
    final boolean sums;
    final boolean maxima;
    /** Where the ring starts in its kind's slab. */
    final int offset;
    final int width;
    private final int sumAt;
    private final int maxAt;
    private final double perBucket;
    private final double perSlots;

    Ring(int kind, long bucketMillis, int slots, boolean counts, boolean sums, boolean maxima, int offset) {
        this.kind = kind;
        this.bucketMillis = bucketMillis;
        this.slots = slots;
        this.counts = counts;
        this.sums = sums;
        this.maxima = maxima;
        this.offset = offset;
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

    /** Longs this ring takes in its kind's slab. */
    int length() {
        return 1 + slots * width;
    }

    /** Marks the ring empty in a new slab starting at {@code base}. */
    void init(long[] p, int base) {
        p[base + offset] = Long.MIN_VALUE;
    }

    /** Adds a value to bucket {@code b} of the slab at {@code base}; {@code b} is never older than the newest bucket. */
    void add(long[] p, int base, long b, double v) {
        int at = base + offset;
        long newest = p[at];
        int i;
        if (newest == Long.MIN_VALUE || b - newest >= slots) {
            for (int j = 0; j < slots; j++) {
                clear(p, at, j);
            }
            p[at] = b;
            i = slot(b);
        } else if (b > newest) {
            i = slot(newest);
            for (long j = newest; j < b; j++) {
                i = i + 1 == slots ? 0 : i + 1;
                clear(p, at, i);
            }
            p[at] = b;
        } else {
            i = slot(b);
        }
        int cell = at + 1 + i * width;
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

    private void clear(long[] p, int at, int i) {
        int cell = at + 1 + i * width;
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
     * sums add the buckets oldest first.
     */
    double measure(long[] p, int base, Measure m, long b, int n) {
        int at = base + offset;
        long newest = p[at];
        if (newest == Long.MIN_VALUE) {
            return 0;
        }
        long lo = Math.max(b - n + 1, newest - slots + 1);
        long hi = Math.min(b, newest);
        if (lo > hi) {
            return 0;
        }
        int left = (int) (hi - lo + 1);
        int i = slot(lo);
        return switch (m) {
            case COUNT -> count(p, at, i, left);
            case SUM, AVG -> sum(p, at, i, left);
            case MAX -> max(p, at, i, left);
        };
    }

    private double count(long[] p, int at, int i, int left) {
        long acc = 0;
        for (int cell = at + 1 + i * width; left > 0; left--) {
            acc += p[cell];
            if (++i == slots) {
                i = 0;
                cell = at + 1;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    private double sum(long[] p, int at, int i, int left) {
        double acc = 0;
        for (int cell = at + 1 + i * width + sumAt; left > 0; left--) {
            acc += Double.longBitsToDouble(p[cell]);
            if (++i == slots) {
                i = 0;
                cell = at + 1 + sumAt;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    private double max(long[] p, int at, int i, int left) {
        double acc = 0;
        boolean any = false;
        for (int cell = at + 1 + i * width + maxAt; left > 0; left--) {
            double v = Double.longBitsToDouble(p[cell]);
            if (!Double.isNaN(v)) {
                acc = any ? Math.max(acc, v) : v;
                any = true;
            }
            if (++i == slots) {
                i = 0;
                cell = at + 1 + maxAt;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    // checkpoint format 1 kept each bucket as int count, then the sum and the maximum if kept (0 when empty)

    /** Reads one ring as checkpoint format 1 wrote it into this layout. */
    void readFormat1(long[] slab, int base, java.io.DataInput in) throws java.io.IOException {
        int at = base + offset;
        slab[at] = in.readLong();
        for (int i = 0; i < slots; i++) {
            int cell = at + 1 + i * width;
            int c = in.readInt();
            if (counts) {
                slab[cell] = c;
            }
            if (sums) {
                slab[cell + sumAt] = Double.doubleToRawLongBits(in.readDouble());
            }
            if (maxima) {
                double m = in.readDouble();
                slab[cell + maxAt] = c == 0 ? EMPTY_MAX : Double.doubleToRawLongBits(m);
            }
        }
    }
}

package io.crmkit.core.signal;

/**
 * The layout of one rolling window over one event kind at one bucket size, and the code that reads
 * and updates it. The numbers live in the customer's slab for that kind (one {@code long[]} holding
 * every window on the kind, see {@link CustomerState#windows}): at {@link #offset} the newest bucket
 * ({@link Long#MIN_VALUE} before the first event), then {@link #slots} buckets of {@link #width}
 * cells each — the count (if a rule counts), the sum's bits (if a rule sums or averages) and the
 * maximum's bits (if a rule takes the maximum; NaN while the bucket is empty). Only the newest
 * {@code slots} buckets exist; older ones are overwritten as time moves on, so the footprint is fixed
 * whatever the event rate. Immutable; the slab is guarded by the owning customer state's lock.
 */
final class Ring {
    static final long EMPTY_MAX = Double.doubleToRawLongBits(Double.NaN);

    final int kind;
    final long bucketMillis;
    final int slots;
    final boolean counts;
    final boolean sums;
    final boolean maxima;
    final int offset;
    final int width;
    private final int sumAt;
    private final int maxAt;

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
    }

    /** Longs this ring takes in its kind's slab. */
    int length() {
        return 1 + slots * width;
    }

    /** Marks the ring empty in a new slab. */
    void init(long[] slab) {
        slab[offset] = Long.MIN_VALUE;
    }

    /** Adds a value to bucket {@code b}, which is never older than the newest bucket. */
    void add(long[] slab, long b, double v) {
        long newest = slab[offset];
        if (newest == Long.MIN_VALUE || b - newest >= slots) {
            for (int i = 0; i < slots; i++) {
                clear(slab, i);
            }
            slab[offset] = b;
        } else if (b > newest) {
            int i = (int) Math.floorMod(newest, (long) slots);
            for (long j = newest; j < b; j++) {
                i = i + 1 == slots ? 0 : i + 1;
                clear(slab, i);
            }
            slab[offset] = b;
        }
        int cell = offset + 1 + (int) Math.floorMod(b, (long) slots) * width;
        if (counts) {
            slab[cell]++;
        }
        if (sums) {
            slab[cell + sumAt] = Double.doubleToRawLongBits(Double.longBitsToDouble(slab[cell + sumAt]) + v);
        }
        if (maxima) {
            double m = Double.longBitsToDouble(slab[cell + maxAt]);
            slab[cell + maxAt] = Double.doubleToRawLongBits(Double.isNaN(m) ? v : Math.max(m, v));
        }
    }

    private void clear(long[] slab, int i) {
        int cell = offset + 1 + i * width;
        if (counts) {
            slab[cell] = 0;
        }
        if (sums) {
            slab[cell + sumAt] = 0; // the bits of 0.0
        }
        if (maxima) {
            slab[cell + maxAt] = EMPTY_MAX;
        }
    }

    /**
     * The measure over buckets {@code b - n + 1 .. b}, of which only those still in the ring count;
     * sums add the buckets oldest first.
     */
    double measure(long[] slab, Measure m, long b, int n) {
        long newest = slab[offset];
        if (newest == Long.MIN_VALUE) {
            return 0;
        }
        long lo = Math.max(b - n + 1, newest - slots + 1);
        long hi = Math.min(b, newest);
        if (lo > hi) {
            return 0;
        }
        int left = (int) (hi - lo + 1);
        int i = (int) Math.floorMod(lo, (long) slots);
        return switch (m) {
            case COUNT -> count(slab, i, left);
            case SUM, AVG -> sum(slab, i, left);
            case MAX -> max(slab, i, left);
        };
    }

    private double count(long[] slab, int i, int left) {
        long acc = 0;
        for (int cell = offset + 1 + i * width; left > 0; left--) {
            acc += slab[cell];
            if (++i == slots) {
                i = 0;
                cell = offset + 1;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    private double sum(long[] slab, int i, int left) {
        double acc = 0;
        for (int cell = offset + 1 + i * width + sumAt; left > 0; left--) {
            acc += Double.longBitsToDouble(slab[cell]);
            if (++i == slots) {
                i = 0;
                cell = offset + 1 + sumAt;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    private double max(long[] slab, int i, int left) {
        double acc = 0;
        boolean any = false;
        for (int cell = offset + 1 + i * width + maxAt; left > 0; left--) {
            double v = Double.longBitsToDouble(slab[cell]);
            if (!Double.isNaN(v)) {
                acc = any ? Math.max(acc, v) : v;
                any = true;
            }
            if (++i == slots) {
                i = 0;
                cell = offset + 1 + maxAt;
            } else {
                cell += width;
            }
        }
        return acc;
    }

    // checkpoint format 1 kept each bucket as int count, then the sum and the maximum if kept (0 when empty)

    /** Reads one ring as checkpoint format 1 wrote it into this layout. */
    void readFormat1(long[] slab, java.io.DataInput in) throws java.io.IOException {
        slab[offset] = in.readLong();
        for (int i = 0; i < slots; i++) {
            int cell = offset + 1 + i * width;
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

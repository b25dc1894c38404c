package io.crmkit.core.signal;

/**
 * One customer's rolling window over one event kind at one bucket size: a ring of {@code slots}
 * buckets, each holding the count, sum and maximum of the values that fell in it. Only the
 * newest {@code slots} buckets exist; older ones are overwritten as time moves on, so the footprint
 * is fixed whatever the event rate. Guarded by the owning customer state's lock.
 */
final class Ring {
    long newest = Long.MIN_VALUE;
    final int[] count;
    final double[] sum;
    final double[] max;

    Ring(int slots, boolean sums, boolean maxima) {
        count = new int[slots];
        sum = sums ? new double[slots] : null;
        max = maxima ? new double[slots] : null;
    }

    /** Adds a value to bucket {@code b}, which is never older than the newest bucket. */
    void add(long b, double v) {
        int k = count.length;
        if (newest == Long.MIN_VALUE) {
            newest = b;
        } else if (b > newest) {
            long gap = b - newest;
            if (gap >= k) {
                clear(0, k);
            } else {
                for (long j = newest + 1; j <= b; j++) {
                    clearSlot((int) Math.floorMod(j, (long) k));
                }
            }
            newest = b;
        }
        int i = (int) Math.floorMod(b, (long) k);
        int c = ++count[i];
        if (sum != null) {
            sum[i] += v;
        }
        if (max != null) {
            max[i] = c == 1 ? v : Math.max(max[i], v);
        }
    }

    private void clear(int from, int to) {
        for (int i = from; i < to; i++) {
            clearSlot(i);
        }
    }

    private void clearSlot(int i) {
        count[i] = 0;
        if (sum != null) {
            sum[i] = 0;
        }
        if (max != null) {
            max[i] = 0;
        }
    }

    /** The measure over buckets {@code b - n + 1 .. b}, of which only those still in the ring count. */
    double measure(Measure m, long b, int n) {
        if (newest == Long.MIN_VALUE) {
            return 0;
        }
        int k = count.length;
        long lo = Math.max(b - n + 1, newest - k + 1);
        long hi = Math.min(b, newest);
        double acc = 0;
        boolean any = false;
        for (long j = lo; j <= hi; j++) {
            int i = (int) Math.floorMod(j, (long) k);
            switch (m) {
                case COUNT -> acc += count[i];
                case SUM, AVG -> acc += sum[i];
                case MAX -> {
                    if (count[i] > 0) {
                        acc = any ? Math.max(acc, max[i]) : max[i];
                        any = true;
                    }
                }
            }
        }
        return acc;
    }
}

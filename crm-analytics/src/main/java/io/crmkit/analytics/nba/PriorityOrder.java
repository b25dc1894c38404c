package io.crmkit.analytics.nba;

/**
 * Orders entries by priority, highest first, keeping the given order among equal priorities: a
 * stable least-significant-digit radix sort over the priority's bit pattern, 16 bits per pass,
 * skipping passes whose digit is the same for every entry. Priorities are finite and at least 0,
 * whose bit patterns sort like the numbers, so the order is exact with no comparator.
 *
 * <p>Stateless; thread-safe.
 */
final class PriorityOrder {

    private PriorityOrder() {
    }

    /**
     * @param priority priorities of {@code count} entries
     * @param count    how many entries of {@code priority} to order
     * @return the entry indexes, highest priority first, equal ones in index order
     */
    static int[] descending(double[] priority, int count) {
        long[] keys = new long[count];
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = Long.MAX_VALUE - Double.doubleToRawLongBits(priority[i]); // non-negative, falls as priority rises
            order[i] = i;
        }
        long[] keyBuf = new long[count];
        int[] orderBuf = new int[count];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < count; i++) {
                counts[(int) (keys[i] >>> shift) & 0xFFFF]++;
            }
            if (count == 0 || counts[(int) (keys[0] >>> shift) & 0xFFFF] == count) {
                continue; // every entry has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < count; i++) {
                int pos = counts[(int) (keys[i] >>> shift) & 0xFFFF]++;
                keyBuf[pos] = keys[i];
                orderBuf[pos] = order[i];
            }
            long[] k = keys;
            keys = keyBuf;
            keyBuf = k;
            int[] o = order;
            order = orderBuf;
            orderBuf = o;
        }
        return order;
    }
}

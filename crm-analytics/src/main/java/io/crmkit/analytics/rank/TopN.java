package io.crmkit.analytics.rank;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The N largest values of a column with their ids (top accounts by assets, contribution, trading
 * activity), found with a bounded heap in O(rows x log N) time and O(N) memory.
 *
 * <p>Order: larger value first; equal values by smaller id first, so the result is deterministic.
 * Stateless and thread-safe.
 */
public final class TopN {

    private TopN() {
    }

    /** Top {@code n} rows of a frame's numeric feature, by customer id. */
    public static List<RankedEntry> of(FeatureFrame frame, String feature, int n) {
        Checks.notNull(frame, "frame");
        return largest(frame.ids(), frame.numeric(feature), n);
    }

    /**
     * @param ids    id by row
     * @param values finite value by row
     * @param n      1 to 1,000,000 entries wanted
     */
    public static List<RankedEntry> largest(long[] ids, double[] values, int n) {
        Checks.notNull(ids, "ids");
        Checks.notNull(values, "values");
        Checks.sameLength(ids.length, values.length, "values");
        Checks.between(n, 1, 1_000_000, "n");
        int cap = Math.min(n, ids.length);
        int[] heap = new int[cap]; // rows; heap[0] is the worst of the kept rows
        int size = 0;
        for (int row = 0; row < ids.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw Checks.invalid("values row " + row, "must be a finite number");
            }
            if (size < cap) {
                heap[size] = row;
                up(heap, size++, ids, values);
            } else if (cap > 0 && worse(heap[0], row, ids, values)) {
                heap[0] = row;
                down(heap, size, ids, values);
            }
        }
        // Pop worst-first into the tail to get best-first order.
        int[] ordered = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            ordered[k] = heap[0];
            heap[0] = heap[k];
            down(heap, k, ids, values);
        }
        List<RankedEntry> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(new RankedEntry(k + 1, ids[ordered[k]], values[ordered[k]]));
        }
        return out;
    }

    /** Whether row a ranks below row b. */
    private static boolean worse(int a, int b, long[] ids, double[] v) {
        return v[a] < v[b] || v[a] == v[b] && ids[a] > ids[b];
    }

    private static void up(int[] heap, int i, long[] ids, double[] v) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(heap[i], heap[parent], ids, v)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void down(int[] heap, int size, long[] ids, double[] v) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int w = l + 1 < size && worse(heap[l + 1], heap[l], ids, v) ? l + 1 : l;
            if (!worse(heap[w], heap[i], ids, v)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[w];
            heap[w] = t;
            i = w;
        }
    }
}

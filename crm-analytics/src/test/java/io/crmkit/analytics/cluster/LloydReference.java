package io.crmkit.analytics.cluster;

/**
 * Plain Lloyd's k-means written for the tests: every distance computed, the same three steps as
 * {@link Hamerly} documents, sums over the same fixed blocks so that centres agree to the bit.
 */
final class LloydReference {

    final int[] assign;
    double[] centres;
    int iterations;
    boolean converged;

    LloydReference(Points p, double[] init, int maxIterations) {
        int k = init.length / p.d;
        centres = init.clone();
        assign = new int[p.n];
        for (int i = 0; i < p.n; i++) {
            assign[i] = nearest(p, centres, k, i);
        }
        for (iterations = 1; iterations <= maxIterations; iterations++) {
            long[] counts = new long[k];
            for (int a : assign) {
                counts[a]++;
            }
            boolean reseeded = reseed(p, counts, k);
            centres = means(p, counts, k);
            int changed = 0;
            for (int i = 0; i < p.n; i++) {
                int j = nearest(p, centres, k, i);
                if (j != assign[i]) {
                    changed++;
                    assign[i] = j;
                }
            }
            if (changed == 0 && !reseeded) {
                converged = true;
                return;
            }
        }
        iterations = maxIterations;
    }

    private static int nearest(Points p, double[] c, int k, int i) {
        int best = 0;
        double bestD = p.dist2(i, c, 0);
        for (int j = 1; j < k; j++) {
            double d2 = p.dist2(i, c, j * p.d);
            if (d2 < bestD) {
                bestD = d2;
                best = j;
            }
        }
        return best;
    }

    private boolean reseed(Points p, long[] counts, int k) {
        boolean any = false;
        for (int j = 0; j < k; j++) {
            if (counts[j] != 0) {
                continue;
            }
            any = true;
            int far = -1;
            double farD = -1;
            for (int i = 0; i < p.n; i++) {
                double d2 = p.dist2(i, centres, assign[i] * p.d);
                if (counts[assign[i]] > 1 && d2 > farD && !movedAlready(i)) {
                    far = i;
                    farD = d2;
                }
            }
            counts[assign[far]]--;
            counts[j]++;
            assign[far] = j;
            moved = append(moved, far);
        }
        moved = new int[0];
        return any;
    }

    private int[] moved = new int[0];

    private boolean movedAlready(int i) {
        for (int m : moved) {
            if (m == i) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] a, int v) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private double[] means(Points p, long[] counts, int k) {
        double[] next = new double[k * p.d];
        int block = Hamerly.blockSize(p.n, k, p.d);
        for (int from = 0; from < p.n; from += block) {
            double[] sums = new double[k * p.d];
            for (int i = from; i < Math.min(p.n, from + block); i++) {
                for (int f = 0; f < p.d; f++) {
                    sums[assign[i] * p.d + f] += p.x[i * p.d + f];
                }
            }
            for (int q = 0; q < next.length; q++) {
                next[q] += sums[q];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int f = 0; f < p.d; f++) {
                next[j * p.d + f] /= counts[j];
            }
        }
        return next;
    }
}

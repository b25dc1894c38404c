package io.crmkit.analytics.cluster;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Parallel;
import java.util.Arrays;

/**
 * Hamerly's exact accelerated k-means (Hamerly, "Making k-means even faster", SDM 2010): each
 * point keeps an upper bound on the distance to its own centre and a lower bound on the distance
 * to every other centre; when the upper bound is below both the lower bound and half the distance
 * from its centre to the nearest other centre, the point cannot change cluster and no distance is
 * computed. The iterations, and so the assignments, are those of Lloyd's algorithm:
 * <ol>
 *   <li>assign every point to its nearest centre (ties to the lowest cluster number);</li>
 *   <li>each empty cluster, in order, takes the point farthest from its own centre (ties to the
 *       lowest row), among clusters that keep at least one point;</li>
 *   <li>move every centre to the mean of its points; repeat from 1 until no point changes cluster
 *       (or no centre moves more than the tolerance), or the iteration bound.</li>
 * </ol>
 * Pruning tests keep a relative margin of {@value #MARGIN}, so that rounding in the bounds can only
 * cost a distance computation, never change an assignment. Sums run over fixed chunks added in
 * chunk order: the result is the same for any number of threads.
 *
 * <p>One instance fits once; not thread-safe (it drives its own worker threads).
 */
final class Hamerly {

    static final double MARGIN = 1e-9;

    private final Points p;
    private final int k;
    private final int d;
    private final int parallelism;
    private double[] centres;
    final int[] assign;
    private final double[] upper;
    private final double[] lower;
    private final long[][] chunkCounts;
    private final double[][] chunkSums;
    private final int[] chunkChanged;
    private final long[] chunkDistances;
    int iterations;
    boolean converged;

    Hamerly(Points p, double[] initialCentres, int parallelism) {
        this.p = p;
        this.k = initialCentres.length / p.d;
        this.d = p.d;
        this.parallelism = parallelism;
        this.centres = initialCentres.clone();
        this.assign = new int[p.n];
        this.upper = new double[p.n];
        this.lower = new double[p.n];
        int chunks = p.chunks();
        this.chunkCounts = new long[chunks][k];
        this.chunkSums = new double[chunks][k * d];
        this.chunkChanged = new int[chunks];
        this.chunkDistances = new long[chunks];
    }

    double[] centres() {
        return centres;
    }

    /** Distance computations of point to centre so far, the work Hamerly's bounds save. */
    long distanceComputations() {
        long s = 0;
        for (long c : chunkDistances) {
            s += c;
        }
        return s;
    }

    void run(int maxIterations, double tolerance) {
        forEachChunk((c, from, to) -> {
            clearChunk(c);
            for (int i = from; i < to; i++) {
                add(c, i, fullScan(i));
            }
            chunkDistances[c] += (long) (to - from) * k;
        });
        for (iterations = 1; iterations <= maxIterations; iterations++) {
            long[] counts = reduceCounts();
            boolean reseeded = reseedEmpty(counts);
            if (reseeded) {
                accumulate();   // the re-seed moved points: the pass's sums no longer match
            }
            double[] next = means(counts);
            double[] drift = new double[k];
            double maxShift = 0;
            for (int j = 0; j < k; j++) {
                drift[j] = Math.sqrt(dist2(next, j, centres, j));
                maxShift = Math.max(maxShift, drift[j]);
            }
            centres = next;
            int changed = reassign(drift);
            if ((changed == 0 && !reseeded) || (tolerance > 0 && maxShift <= tolerance)) {
                converged = true;
                return;
            }
        }
        iterations = maxIterations;
    }

    /** Sum of squared distances of points to their centres (chunk sums added in order). */
    double inertia() {
        double[] sums = new double[p.chunks()];
        forEachChunk((c, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += p.dist2(i, centres, assign[i] * d);
            }
            sums[c] = s;
        });
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return total;
    }

    /** Rows per cluster, from the chunks' counts. */
    long[] counts() {
        return reduceCounts();
    }

    private long[] reduceCounts() {
        long[] counts = new long[k];
        for (long[] cnt : chunkCounts) {
            for (int j = 0; j < k; j++) {
                counts[j] += cnt[j];
            }
        }
        return counts;
    }

    private void clearChunk(int c) {
        Arrays.fill(chunkCounts[c], 0);
        Arrays.fill(chunkSums[c], 0);
    }

    /** Adds row i to cluster j's sum and count in chunk c. */
    private void add(int c, int i, int j) {
        chunkCounts[c][j]++;
        double[] sums = chunkSums[c];
        double[] x = p.x;
        int off = j * d;
        int row = i * d;
        for (int f = 0; f < d; f++) {
            sums[off + f] += x[row + f];
        }
    }

    /** Recomputes every chunk's sums and counts from the assignments. */
    private void accumulate() {
        forEachChunk((c, from, to) -> {
            clearChunk(c);
            for (int i = from; i < to; i++) {
                add(c, i, assign[i]);
            }
        });
    }

    private int reassign(double[] drift) {
        int maxJ = 0;
        for (int j = 1; j < k; j++) {
            maxJ = drift[j] > drift[maxJ] ? j : maxJ;
        }
        double maxDrift = drift[maxJ];
        double second = 0;
        for (int j = 0; j < k; j++) {
            if (j != maxJ) {
                second = Math.max(second, drift[j]);
            }
        }
        double secondDrift = second;
        double[] s = halfMinSeparation();
        int mj = maxJ;
        forEachChunk((c, from, to) -> {
            int changed = 0;
            long dists = 0;
            clearChunk(c);
            for (int i = from; i < to; i++) {
                int a = assign[i];
                upper[i] += drift[a];
                lower[i] -= a == mj ? secondDrift : maxDrift;
                double m = Math.max(s[a], lower[i]);
                if (upper[i] * (1 + MARGIN) >= m) {
                    upper[i] = Math.sqrt(p.dist2(i, centres, a * d));
                    dists++;
                    if (upper[i] * (1 + MARGIN) >= m) {
                        dists += k;
                        if (fullScan(i) != a) {
                            changed++;
                        }
                    }
                }
                // the next centres' sums, in row order as a separate pass would add them
                add(c, i, assign[i]);
            }
            chunkChanged[c] = changed;
            chunkDistances[c] += dists;
        });
        int changed = 0;
        for (int c : chunkChanged) {
            changed += c;
        }
        return changed;
    }

    /** Half the distance from each centre to its nearest other centre (infinite when k = 1). */
    private double[] halfMinSeparation() {
        double[] s = new double[k];
        Arrays.fill(s, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            for (int l = j + 1; l < k; l++) {
                double h = 0.5 * Math.sqrt(dist2(centres, j, centres, l));
                s[j] = Math.min(s[j], h);
                s[l] = Math.min(s[l], h);
            }
        }
        return s;
    }

    /** Assigns point i to its nearest centre and sets both bounds exactly; returns the cluster. */
    private int fullScan(int i) {
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int bestJ = 0;
        for (int j = 0; j < k; j++) {
            double d2 = p.dist2(i, centres, j * d);
            if (d2 < best) {
                second = best;
                best = d2;
                bestJ = j;
            } else if (d2 < second) {
                second = d2;
            }
        }
        assign[i] = bestJ;
        upper[i] = Math.sqrt(best);
        lower[i] = Math.sqrt(second);
        return bestJ;
    }

    /** Step 2 of the iteration; returns whether a cluster was empty. Updates {@code counts}. */
    private boolean reseedEmpty(long[] counts) {
        boolean any = false;
        for (long c : counts) {
            any |= c == 0;
        }
        if (!any) {
            return false;
        }
        double[] own = new double[p.n];
        forEachChunk((c, from, to) -> {
            for (int i = from; i < to; i++) {
                own[i] = p.dist2(i, centres, assign[i] * d);
            }
        });
        for (int j = 0; j < k; j++) {
            if (counts[j] != 0) {
                continue;
            }
            int far = -1;
            for (int i = 0; i < p.n; i++) {
                if (counts[assign[i]] > 1 && own[i] >= 0 && (far < 0 || own[i] > own[far])) {
                    far = i;
                }
            }
            counts[assign[far]]--;
            counts[j]++;
            assign[far] = j;
            own[far] = -1;   // moved: not a candidate again
            upper[far] = Double.POSITIVE_INFINITY;   // its bounds refer to its old centre
            lower[far] = 0;
        }
        return true;
    }

    /** Step 3: the mean of each cluster's points, from chunk sums added in chunk order. */
    private double[] means(long[] counts) {
        double[] next = new double[k * d];
        for (double[] sums : chunkSums) {
            for (int q = 0; q < next.length; q++) {
                next[q] += sums[q];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int f = 0; f < d; f++) {
                next[j * d + f] /= counts[j];
            }
        }
        return next;
    }

    private void forEachChunk(Parallel.ChunkBody body) {
        Parallel.forEachChunk(p.n, Points.CHUNK, parallelism, "kmeans", ProgressListener.none(), body);
    }

    private double dist2(double[] a, int ja, double[] b, int jb) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            double diff = a[ja * d + f] - b[jb * d + f];
            s += diff * diff;
        }
        return s;
    }
}

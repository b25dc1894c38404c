package io.crmkit.analytics.cluster;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Parallel;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
 * cost a distance computation, never change an assignment.
 *
 * <p>Centres are means of per-block sums: rows fall in fixed blocks ({@link #blockSize}), each
 * block's sums are added in row order and the blocks in block order. A block's sums are only
 * recomputed when one of its rows changed cluster, so late iterations, where few points move,
 * read almost none of the data, and the centres are still exactly those a fresh pass would give.
 * Blocks depend on the data's shape only: the result is the same for any number of threads.
 *
 * <p>One instance fits once; not thread-safe (it drives its own worker threads).
 */
final class Hamerly {

    static final double MARGIN = 1e-9;
    /** Budget of per-block sums, in doubles: blocks grow on large k × d so that it holds. */
    private static final long SUM_BUDGET = 1 << 22;

    private final Points p;
    private final int k;
    private final int d;
    private final int parallelism;
    private final int block;
    private final int chunk;
    private double[] centres;
    final int[] assign;
    private final double[] upper;
    private final double[] lower;
    private final double[][] blockSums;
    private final long[][] blockCounts;
    private final int[] chunkChanged;
    private final long[] chunkDistances;
    private KMeansPlusPlus.@Nullable Seeding seeding;
    int iterations;
    boolean converged;

    /** Starts from these centres; the first iteration begins with a full assignment pass. */
    Hamerly(Points p, double[] initialCentres, int parallelism) {
        this(p, initialCentres, null, parallelism);
    }

    /** Starts from a k-means++ seeding, whose distances make the first assignment pass needless. */
    Hamerly(Points p, KMeansPlusPlus.Seeding seeding, int parallelism) {
        this(p, seeding.centres(), seeding, parallelism);
    }

    private Hamerly(Points p, double[] initialCentres, KMeansPlusPlus.@Nullable Seeding seeding, int parallelism) {
        this.p = p;
        this.k = initialCentres.length / p.d;
        this.d = p.d;
        this.parallelism = parallelism;
        this.block = blockSize(p.n, k, d);
        this.chunk = Math.max(Points.CHUNK, block);
        this.centres = initialCentres.clone();
        this.assign = new int[p.n];
        this.upper = new double[p.n];
        this.lower = new double[p.n];
        int blocks = Parallel.chunkCount(p.n, block);
        this.blockSums = new double[blocks][k * d];
        this.blockCounts = new long[blocks][k];
        int chunks = Parallel.chunkCount(p.n, chunk);
        this.chunkChanged = new int[chunks];
        this.chunkDistances = new long[chunks];
        this.seeding = seeding;
    }

    /** Rows per sum block: 1024, doubled until the blocks' sums fit the budget. */
    static int blockSize(int n, int k, int d) {
        int b = 1024;
        while (b < n && (long) Parallel.chunkCount(n, b) * k * d > SUM_BUDGET) {
            b *= 2;
        }
        return b;
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
        KMeansPlusPlus.Seeding seeded = seeding;
        seeding = null;
        forEachChunk((c, from, to) -> {
            for (int i = from; i < to; i++) {
                if (seeded == null) {
                    fullScan(i);
                } else {
                    assign[i] = seeded.nearest()[i];
                    upper[i] = Math.sqrt(seeded.best()[i]);
                    lower[i] = Math.sqrt(seeded.second()[i]);   // a lower bound, exact where computed
                }
            }
            for (int b0 = from; b0 < to; b0 += block) {
                sumBlock(b0 / block);
            }
            chunkDistances[c] += seeded == null ? (long) (to - from) * k : 0;
        });
        for (iterations = 1; iterations <= maxIterations; iterations++) {
            long[] counts = counts();
            boolean reseeded = reseedEmpty(counts);
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
        double[] sums = new double[chunkChanged.length];
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

    /** Rows per cluster, from the blocks' counts. */
    long[] counts() {
        long[] counts = new long[k];
        for (long[] cnt : blockCounts) {
            for (int j = 0; j < k; j++) {
                counts[j] += cnt[j];
            }
        }
        return counts;
    }

    /** Recomputes block {@code b}'s sums and counts from its rows, in row order. */
    private void sumBlock(int b) {
        double[] sums = blockSums[b];
        long[] cnt = blockCounts[b];
        Arrays.fill(sums, 0);
        Arrays.fill(cnt, 0);
        double[] x = p.x;
        int to = Math.min(p.n, (b + 1) * block);
        for (int i = b * block; i < to; i++) {
            int off = assign[i] * d;
            int row = i * d;
            cnt[assign[i]]++;
            for (int f = 0; f < d; f++) {
                sums[off + f] += x[row + f];
            }
        }
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
        double[] cc = centreDistances();
        double[] s = new double[k];
        Arrays.fill(s, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                if (l != j) {
                    s[j] = Math.min(s[j], 0.5 * cc[j * k + l]);
                }
            }
        }
        int mj = maxJ;
        forEachChunk((c, from, to) -> {
            int changed = 0;
            long dists = 0;
            for (int b0 = from; b0 < to; b0 += block) {
                int b1 = Math.min(to, b0 + block);
                int before = changed;
                for (int i = b0; i < b1; i++) {
                    int a = assign[i];
                    upper[i] += drift[a];
                    lower[i] -= a == mj ? secondDrift : maxDrift;
                    double m = Math.max(s[a], lower[i]);
                    if (upper[i] * (1 + MARGIN) < m) {
                        continue;
                    }
                    double d2a = p.dist2(i, centres, a * d);
                    upper[i] = Math.sqrt(d2a);
                    dists++;
                    if (upper[i] * (1 + MARGIN) < m) {
                        continue;
                    }
                    dists += scan(i, a, d2a, cc);
                    if (assign[i] != a) {
                        changed++;
                    }
                }
                if (changed != before) {
                    sumBlock(b0 / block);
                }
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

    /** Distances between centres, {@code cc[j * k + l]}. */
    private double[] centreDistances() {
        double[] cc = new double[k * k];
        for (int j = 0; j < k; j++) {
            for (int l = j + 1; l < k; l++) {
                double dist = Math.sqrt(dist2(centres, j, centres, l));
                cc[j * k + l] = dist;
                cc[l * k + j] = dist;
            }
        }
        return cc;
    }

    /**
     * The nearest centre of point i, whose distance {@code upper[i]} to its centre {@code a} is
     * exact: centre j is skipped when {@code d(c_a, c_j) >= 2 upper[i]} (with the margin), since
     * the triangle inequality then puts it strictly farther than c_a (Elkan's first lemma); the
     * lower bound takes {@code d(c_a, c_j) - upper[i]} for a skipped centre. {@code d2a} is the exact
     * squared distance to c_a, so that ties compare exactly as in a full scan (lowest cluster wins).
     * Sets the point's cluster and bounds; returns the distances computed (counted by the caller, so
     * that the threads write no shared counter per point).
     */
    private int scan(int i, int a, double d2a, double[] cc) {
        double u = upper[i];
        double limit = 2 * u * (1 + MARGIN);
        double best = d2a;
        int bestJ = a;
        double second = Double.POSITIVE_INFINITY;   // a lower bound on the distance to every other centre
        double second2 = Double.POSITIVE_INFINITY;  // the least squared distance computed to another centre
        int computed = 0;
        for (int j = 0; j < k; j++) {
            if (j == a) {
                continue;
            }
            double caj = cc[a * k + j];
            if (caj > limit) {
                second = Math.min(second, caj - u);
                continue;
            }
            computed++;
            double d2 = p.dist2(i, centres, j * d);
            if (d2 < best || (d2 == best && j < bestJ)) {
                second2 = Math.min(second2, best);
                best = d2;
                bestJ = j;
            } else {
                second2 = Math.min(second2, d2);
            }
        }
        // square roots only of the two that matter: sqrt is monotone, so the root of the least
        // squared distance is the least of the roots
        assign[i] = bestJ;
        upper[i] = bestJ == a ? u : Math.sqrt(best);
        lower[i] = Math.min(second, Math.sqrt(second2));
        return computed;
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
            sumBlock(far / block);
        }
        return true;
    }

    /** Step 3: the mean of each cluster's points, from the block sums added in block order. */
    private double[] means(long[] counts) {
        double[] next = new double[k * d];
        for (double[] sums : blockSums) {
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
        Parallel.forEachChunk(p.n, chunk, parallelism, "kmeans", ProgressListener.none(), body);
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

package io.crmkit.analytics.cluster;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.SplittableRandom;

/**
 * Seeded k-means++ initialisation (Arthur and Vassilvitskii, 2007): the first centre is a point
 * drawn uniformly, each next one a point drawn with probability proportional to its squared
 * distance to the nearest centre chosen so far. Distances are updated in fixed chunks and the
 * chunk sums added in chunk order, so the draw is the same for any number of threads.
 *
 * <p>Stateless and thread-safe.
 */
final class KMeansPlusPlus {

    private KMeansPlusPlus() {
    }

    /**
     * The chosen centres (row by row in one array) and, since every point's distance to every
     * centre was computed on the way, each point's nearest centre (ties to the lowest number) and
     * its squared distances to the nearest and the second-nearest: exactly what a first full
     * assignment pass would compute, so the iterations start without one.
     */
    record Seeding(double[] centres, int[] nearest, double[] best, double[] second) {
    }

    /** The centres only. */
    static double[] seed(Points p, int k, long seed, int parallelism) {
        return seeding(p, k, seed, parallelism).centres();
    }

    /**
     * Seeds k centres.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code cluster.k} when the points
     *     have fewer than k distinct values
     */
    static Seeding seeding(Points p, int k, long seed, int parallelism) {
        int d = p.d;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        System.arraycopy(p.x, rnd.nextInt(p.n) * d, centres, 0, d);
        double[] minD2 = new double[p.n];
        double[] second = new double[p.n];
        int[] nearest = new int[p.n];
        double[] chunkSums = new double[p.chunks()];
        for (int j = 1; j <= k; j++) {
            int off = (j - 1) * d;
            int centre = j - 1;
            boolean first = j == 1;
            Parallel.forEachChunk(p.n, Points.CHUNK, parallelism, "kmeans++", ProgressListener.none(), (c, from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    double d2 = p.dist2(i, centres, off);
                    if (first) {
                        minD2[i] = d2;
                        second[i] = Double.POSITIVE_INFINITY;
                    } else if (d2 < minD2[i]) {
                        second[i] = minD2[i];
                        minD2[i] = d2;
                        nearest[i] = centre;
                    } else if (d2 < second[i]) {
                        second[i] = d2;
                    }
                    s += minD2[i];
                }
                chunkSums[c] = s;
            });
            if (j == k) {
                break;
            }
            double total = 0;
            for (double s : chunkSums) {
                total += s;
            }
            if (!(total > 0)) {
                throw Checks.invalid("cluster.k", "DistinctPoints", "must not exceed the number of distinct points ("
                        + j + " distinct, k = " + k + ")");
            }
            int pick = draw(rnd.nextDouble() * total, minD2, chunkSums);
            System.arraycopy(p.x, pick * d, centres, j * d, d);
        }
        return new Seeding(centres, nearest, minD2, second);
    }

    /** The first point where the running sum of weights passes {@code r}; never a zero-weight point. */
    private static int draw(double r, double[] w, double[] chunkSums) {
        int c = 0;
        double before = 0;
        while (c < chunkSums.length - 1 && before + chunkSums[c] <= r) {
            before += chunkSums[c++];
        }
        int from = c * Points.CHUNK;
        int to = Math.min(w.length, from + Points.CHUNK);
        double cum = before;
        int lastPositive = -1;
        for (int i = from; i < to; i++) {
            if (w[i] > 0) {
                cum += w[i];
                lastPositive = i;
                if (cum > r) {
                    return i;
                }
            }
        }
        if (lastPositive >= 0) {
            return lastPositive;   // rounding left r just above this chunk's sum
        }
        for (int i = w.length - 1; ; i--) {
            if (w[i] > 0) {
                return i;
            }
        }
    }
}

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
     * The chosen centres (row by row in one array) and what the draw learnt on the way: each
     * point's nearest centre (ties to the lowest number, as a full assignment pass would find), its
     * squared distance to it, and a lower bound on its squared distance to every other centre, so
     * the iterations start without an assignment pass.
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
            // A point whose nearest centre q lies closer than half the distance from q to the new
            // centre cannot be nearer the new one (triangle inequality): its distance is not
            // computed, and its lower bound takes that half distance. Squared, shrunk by a margin.
            double[] half2 = new double[centre];
            for (int q = 0; q < centre; q++) {
                double cc2 = 0;
                for (int f = 0; f < d; f++) {
                    double diff = centres[q * d + f] - centres[off + f];
                    cc2 += diff * diff;
                }
                half2[q] = cc2 / 4 * (1 - Hamerly.MARGIN);
            }
            Parallel.forEachChunk(p.n, Points.CHUNK, parallelism, "kmeans++", ProgressListener.none(), (c, from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    if (!first && minD2[i] * (1 + Hamerly.MARGIN) < half2[nearest[i]]) {
                        second[i] = Math.min(second[i], half2[nearest[i]]);
                        s += minD2[i];
                        continue;
                    }
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

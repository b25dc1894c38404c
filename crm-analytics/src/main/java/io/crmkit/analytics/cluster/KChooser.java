package io.crmkit.analytics.cluster;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the number of clusters: fits k-means for every k from {@code kMin} to {@code kMax} with
 * the same seed, then reports
 * <ul>
 *   <li>the <b>elbow</b> of the inertia curve: the k farthest from the straight line joining the
 *       first and the last point of the curve, both axes scaled to [0, 1] (the "kneedle" rule);</li>
 *   <li>the mean <b>silhouette</b> on a seeded sample of rows (the same sample for every k):
 *       {@code (b - a) / max(a, b)}, with {@code a} the mean distance to the sampled rows of its
 *       own cluster and {@code b} the least mean distance to the sampled rows of another
 *       cluster, 0 for a row alone in its cluster in the sample; the k with the highest mean.</li>
 * </ul>
 * Ties go to the smaller k. The same for any number of threads.
 *
 * <p>Immutable and thread-safe.
 */
public final class KChooser {

    public static final int MAX_SAMPLE = 5000;

    private final KMeansConfig base;
    private final int kMin;
    private final int kMax;
    private final int sample;

    private KChooser(KMeansConfig base, int kMin, int kMax, int sample) {
        this.base = base;
        this.kMin = kMin;
        this.kMax = kMax;
        this.sample = sample;
    }

    /**
     * @param base seed, iterations, standardisation and threads for every fit (its k is ignored)
     * @param kMin at least 2
     * @param kMax at least kMin + 2 (an elbow needs three points), at most {@value KMeansConfig#MAX_K}
     * @param silhouetteSample rows sampled for the silhouette, 2 to {@value #MAX_SAMPLE}
     */
    public static KChooser of(KMeansConfig base, int kMin, int kMax, int silhouetteSample) {
        Checks.notNull(base, "cluster.config");
        Checks.between(kMin, 2, KMeansConfig.MAX_K - 2, "cluster.kMin");
        Checks.between(kMax, kMin + 2, KMeansConfig.MAX_K, "cluster.kMax");
        Checks.between(silhouetteSample, 2, MAX_SAMPLE, "cluster.silhouetteSample");
        return new KChooser(base, kMin, kMax, silhouetteSample);
    }

    /** Chooses k for the named numeric features of {@code frame}. */
    public KChoice choose(FeatureFrame frame, List<String> features) {
        Checks.notNull(frame, "frame");
        Checks.notNull(features, "cluster.features");
        double[][] columns = new double[features.size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = frame.numeric(Checks.notNull(features.get(f), "cluster.features[" + f + "]"));
        }
        return choose(columns, features);
    }

    /**
     * Chooses k for rows given as columns ({@code columns[f][row]}).
     *
     * @throws io.crmkit.core.error.ValidationException as {@link KMeans#fit(double[][], List)}
     */
    public KChoice choose(double[][] columns, List<String> names) {
        Points p = Points.of(columns, names, base.standardize(), base.parallelism());
        int[] rows = sample(p.n, Math.min(sample, p.n), base.seed());
        int count = kMax - kMin + 1;
        KMeansResult[] fits = new KMeansResult[count];
        double[] inertia = new double[count];
        double[] silhouette = new double[count];
        for (int i = 0; i < count; i++) {
            fits[i] = KMeans.fit(p, KMeansConfig.from(base).k(kMin + i).build());
            inertia[i] = fits[i].inertia();
            silhouette[i] = silhouette(p, fits[i], rows, base.parallelism());
        }
        int bestSilhouette = 0;
        for (int i = 1; i < count; i++) {
            bestSilhouette = silhouette[i] > silhouette[bestSilhouette] ? i : bestSilhouette;
        }
        return new KChoice(kMin, List.of(fits), inertia, silhouette, kMin + elbow(inertia), kMin + bestSilhouette);
    }

    /** Index of the point farthest from the chord between the first and last point, axes scaled to [0, 1]. */
    static int elbow(double[] y) {
        int m = y.length - 1;
        double span = y[0] - y[m];
        if (!(span > 0)) {
            return 0;
        }
        int best = 0;
        double bestGap = 0;
        for (int i = 1; i < m; i++) {
            double x = (double) i / m;
            double yn = (y[i] - y[m]) / span;   // 1 at the first point, 0 at the last
            double gap = (1 - x) - yn;          // the chord is yn = 1 - x
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /** Mean silhouette over the sampled rows, distances among the sample only. */
    static double silhouette(Points p, KMeansResult fit, int[] rows, int parallelism) {
        int s = rows.length;
        int k = fit.k();
        int[] cluster = new int[s];
        int[] members = new int[k];
        for (int i = 0; i < s; i++) {
            cluster[i] = fit.cluster(rows[i]);
            members[cluster[i]]++;
        }
        double[] score = new double[s];
        Parallel.forEachChunk(s, 64, parallelism, "silhouette", ProgressListener.none(), (c, from, to) -> {
            double[] sums = new double[k];
            for (int i = from; i < to; i++) {
                if (members[cluster[i]] < 2) {
                    score[i] = 0;
                    continue;
                }
                java.util.Arrays.fill(sums, 0);
                for (int j = 0; j < s; j++) {
                    if (j != i) {
                        sums[cluster[j]] += Math.sqrt(p.dist2(rows[i], p.x, rows[j] * p.d));
                    }
                }
                double a = sums[cluster[i]] / (members[cluster[i]] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int q = 0; q < k; q++) {
                    if (q != cluster[i] && members[q] > 0) {
                        b = Math.min(b, sums[q] / members[q]);
                    }
                }
                double den = Math.max(a, b);
                score[i] = b == Double.POSITIVE_INFINITY || den == 0 ? 0 : (b - a) / den;
            }
        });
        double total = 0;
        for (double v : score) {
            total += v;
        }
        return total / s;
    }

    /** {@code m} distinct rows of {@code n}, drawn with the seed (a partial Fisher-Yates shuffle), sorted. */
    static int[] sample(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        java.util.HashMap<Integer, Integer> swapped = new java.util.HashMap<>();
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int vi = swapped.getOrDefault(i, i);
            int vj = swapped.getOrDefault(j, j);
            swapped.put(j, vi);
            out[i] = vj;
        }
        java.util.Arrays.sort(out);
        return out;
    }
}

package io.crmkit.analytics.cluster;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.util.List;

/**
 * k-means clustering of customers over numeric feature columns: z-score standardisation (unless
 * switched off), seeded k-means++ initialisation, then Hamerly's exact accelerated iterations,
 * which give the assignments of Lloyd's algorithm while skipping most distance computations.
 * Empty clusters are re-seeded from the point farthest from its centre. The result depends on the
 * data and the configuration (seed included), never on the number of threads.
 *
 * <pre>{@code
 * KMeansResult r = KMeans.of(KMeansConfig.custom().k(5).seed(7).build()).fit(frame, List.of("aum", "trades", "age"));
 * r.cluster(row);                 // 0..4
 * r.profile(2).description();     // "aum +1.8 sd above average, trades -0.9 sd below average"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class KMeans {

    private final KMeansConfig config;

    private KMeans(KMeansConfig config) {
        this.config = config;
    }

    public static KMeans of(KMeansConfig config) {
        return new KMeans(Checks.notNull(config, "cluster.config"));
    }

    public KMeansConfig config() {
        return config;
    }

    /**
     * Clusters the rows of {@code frame} on the named numeric features (double, int or long
     * columns; categories are refused by the frame).
     *
     * @throws io.crmkit.core.error.ValidationException naming the field: an unknown or repeated
     *     feature, k above the number of distinct points
     */
    public KMeansResult fit(FeatureFrame frame, List<String> features) {
        Checks.notNull(frame, "frame");
        Checks.notNull(features, "cluster.features");
        double[][] columns = new double[features.size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = frame.numeric(Checks.notNull(features.get(f), "cluster.features[" + f + "]"));
        }
        return fit(columns, features);
    }

    /**
     * Clusters rows given as columns: {@code columns[f][row]} is feature {@code names.get(f)} of
     * a row. The arrays are read, not kept.
     *
     * @throws io.crmkit.core.error.ValidationException naming the field: null or ragged columns, a
     *     NaN or infinite value ({@code cluster.features.<name>}, with the row), bad or repeated
     *     names, more than 256 features, k above the number of distinct points ({@code cluster.k})
     */
    public KMeansResult fit(double[][] columns, List<String> names) {
        Points p = Points.of(columns, names, config.standardize(), config.parallelism());
        return fit(p, config);
    }

    static KMeansResult fit(Points p, KMeansConfig config) {
        if (config.k() > p.n) {
            throw Checks.invalid("cluster.k", "Range", "must not exceed the number of rows (" + p.n + ")");
        }
        KMeansPlusPlus.Seeding seeding = KMeansPlusPlus.seeding(p, config.k(), config.seed(), config.parallelism());
        Hamerly h = new Hamerly(p, seeding, config.parallelism());
        h.run(config.maxIterations(), config.tolerance());
        return new KMeansResult(p, config, h.centres(), h.assign, h.counts(), h.inertia(), h.iterations, h.converged,
                h.distanceComputations());
    }
}

package io.crmkit.analytics.cluster;

import io.crmkit.analytics.internal.Checks;
import java.util.List;

/**
 * One cluster described: its size and share, every feature's deviation from the average
 * (largest first) and a sentence naming the features that set it apart, for example
 * {@code "aum +1.8 sd above average, trades -0.9 sd below average"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cluster the cluster number
 * @param size rows in the cluster
 * @param share {@code size / rows}
 * @param deviations every feature, by falling absolute deviation (ties in feature order)
 * @param description the features at least {@value KMeansResult#NOTABLE_SD} sd from average, at
 *     most three, or "close to average on every feature"
 */
public record ClusterProfile(int cluster, long size, double share, List<FeatureDeviation> deviations,
                             String description) {
    public ClusterProfile {
        if (cluster < 0 || size < 0) {
            throw Checks.invalid("profile.cluster", "Range", "cluster and size must not be negative");
        }
        Checks.between(share, 0.0, 1.0, "profile.share");
        deviations = List.copyOf(Checks.notNull(deviations, "profile.deviations"));
        Checks.text(description, 2000, "profile.description");
    }
}

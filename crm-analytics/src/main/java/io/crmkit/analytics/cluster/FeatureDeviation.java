package io.crmkit.analytics.cluster;

import io.crmkit.analytics.internal.Checks;

/**
 * How far a cluster's centre lies from the average customer on one feature.
 *
 * <p>Immutable and thread-safe.
 *
 * @param feature the feature's name
 * @param clusterMean the centre's value in the feature's own unit
 * @param overallMean the average over all rows
 * @param sdFromAverage {@code (clusterMean - overallMean) / sd}; 0 for a constant feature
 */
public record FeatureDeviation(String feature, double clusterMean, double overallMean, double sdFromAverage) {
    public FeatureDeviation {
        Checks.featureName(feature, "deviation.feature");
        Checks.finite(clusterMean, "deviation.clusterMean");
        Checks.finite(overallMean, "deviation.overallMean");
        Checks.finite(sdFromAverage, "deviation.sdFromAverage");
    }
}

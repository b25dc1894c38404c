package io.crmkit.spark;

import io.crmkit.analytics.concentration.ParetoPoint;
import java.util.List;
import java.util.Map;

/**
 * What {@link SparkConcentration} measured. Immutable and thread-safe.
 *
 * @param size             customers (rows)
 * @param total            sum of the value
 * @param gini             the Gini coefficient, 0 (all equal) to (n-1)/n (one customer has all)
 * @param paretoCurve      the curve at evenly spaced customer shares 0..1
 * @param shareOfTop       per requested customer share, the share of the total its top customers bring
 * @param customerShareFor per requested share of the total, the smallest share of customers bringing it
 */
public record ConcentrationSummary(long size, double total, double gini, List<ParetoPoint> paretoCurve,
                                   Map<Double, Double> shareOfTop, Map<Double, Double> customerShareFor) {

    public ConcentrationSummary {
        paretoCurve = List.copyOf(paretoCurve);
        shareOfTop = Map.copyOf(shareOfTop);
        customerShareFor = Map.copyOf(customerShareFor);
    }
}

package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a purchase model fitted on the calibration period predicts the holdout: customers
 * bucketed by their calibration frequency x (0, 1, ..., k-1 and "k or more"), with the mean
 * actual and the mean predicted (conditional expectation over the holdout length) purchases per
 * bucket — the figure of Fader, Hardie and Lee — and totals and the per-customer error.
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldoutDiagnostics {

    /**
     * One frequency bucket.
     *
     * @param frequency calibration x of the bucket (the lower bound for the last bucket)
     * @param orMore whether the bucket holds every x >= frequency
     * @param customers customers in the bucket
     * @param actualTotal holdout purchases made
     * @param predictedTotal holdout purchases predicted
     */
    public record Bucket(int frequency, boolean orMore, int customers, double actualTotal, double predictedTotal) {
        public double actualMean() {
            return customers == 0 ? 0 : actualTotal / customers;
        }

        public double predictedMean() {
            return customers == 0 ? 0 : predictedTotal / customers;
        }
    }

    private final List<Bucket> buckets;
    private final double totalActual;
    private final double totalPredicted;
    private final double meanAbsoluteError;
    private final double rootMeanSquaredError;

    private HoldoutDiagnostics(List<Bucket> buckets, double totalActual, double totalPredicted, double mae,
            double rmse) {
        this.buckets = List.copyOf(buckets);
        this.totalActual = totalActual;
        this.totalPredicted = totalPredicted;
        this.meanAbsoluteError = mae;
        this.rootMeanSquaredError = rmse;
    }

    /**
     * Compares {@code model}'s predictions with the holdout, bucketing calibration frequencies
     * into 0 .. {@code buckets - 1} and "buckets or more" (2 to 100).
     */
    public static HoldoutDiagnostics of(PurchaseModel model, CalibrationHoldout split, int buckets) {
        Checks.notNull(model, "model");
        Checks.notNull(split, "split");
        Checks.between(buckets, 2, 100, "buckets");
        CustomerSummaries cal = split.calibration();
        double[] predicted = model.conditionalExpectedPurchases(split.holdoutLength(), cal);
        int[] count = new int[buckets + 1];
        double[] actual = new double[buckets + 1];
        double[] pred = new double[buckets + 1];
        double abs = 0;
        double sq = 0;
        for (int i = 0; i < predicted.length; i++) {
            int b = Math.min(cal.frequency(i), buckets);
            double y = split.holdoutPurchases(i);
            count[b]++;
            actual[b] += y;
            pred[b] += predicted[i];
            abs += Math.abs(predicted[i] - y);
            sq += (predicted[i] - y) * (predicted[i] - y);
        }
        List<Bucket> list = new ArrayList<>();
        double ta = 0;
        double tp = 0;
        for (int b = 0; b <= buckets; b++) {
            list.add(new Bucket(b, b == buckets, count[b], actual[b], pred[b]));
            ta += actual[b];
            tp += pred[b];
        }
        int n = predicted.length;
        return new HoldoutDiagnostics(list, ta, tp, abs / n, Math.sqrt(sq / n));
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    public double totalActual() {
        return totalActual;
    }

    public double totalPredicted() {
        return totalPredicted;
    }

    /** Mean over customers of |predicted - actual|. */
    public double meanAbsoluteError() {
        return meanAbsoluteError;
    }

    public double rootMeanSquaredError() {
        return rootMeanSquaredError;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HoldoutDiagnostics[actual=").append((float) totalActual)
                .append(", predicted=").append((float) totalPredicted).append(", buckets=");
        for (Bucket b : buckets) {
            sb.append(' ').append(b.frequency()).append(b.orMore() ? "+" : "").append(':')
                    .append((float) b.actualMean()).append('/').append((float) b.predictedMean());
        }
        return sb.append(']').toString();
    }
}

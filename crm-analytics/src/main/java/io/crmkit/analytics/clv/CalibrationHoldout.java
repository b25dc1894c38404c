package io.crmkit.analytics.clv;

/**
 * A calibration/holdout split of purchase histories: the summaries up to the calibration end,
 * and per calibration row the number of purchase days in the holdout period after it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibrationHoldout {

    private final CustomerSummaries calibration;
    private final double[] holdoutPurchases;
    private final double holdoutLength;

    CalibrationHoldout(CustomerSummaries calibration, double[] holdoutPurchases, double holdoutLength) {
        this.calibration = calibration;
        this.holdoutPurchases = holdoutPurchases;
        this.holdoutLength = holdoutLength;
    }

    /** The calibration summaries (fit the models on these). */
    public CustomerSummaries calibration() {
        return calibration;
    }

    /** Purchase days of calibration row {@code i} in the holdout period. */
    public double holdoutPurchases(int i) {
        return holdoutPurchases[i];
    }

    /** A copy of the holdout counts, one per calibration row. */
    public double[] holdoutPurchases() {
        return holdoutPurchases.clone();
    }

    /** Length of the holdout period in the calibration's unit. */
    public double holdoutLength() {
        return holdoutLength;
    }

    @Override
    public String toString() {
        return "CalibrationHoldout[customers=" + calibration.size() + ", holdoutLength=" + holdoutLength + " "
                + calibration.unit() + "]";
    }
}

package io.crmkit.analytics.score;

import java.util.List;

/**
 * The scores of one model over the rows of a feature frame, with each row's reasons.
 *
 * <p>Scores are held in primitive arrays; reasons are worked out only when asked for, from the
 * frame the result was computed on. Implementations are immutable and thread-safe.
 */
public interface ScoreResult {

    /** The model's name, e.g. {@code "rfm"}. */
    String model();

    /** Number of rows, equal to the frame's size. */
    int size();

    /** The customer id of a row. */
    long customerId(int row);

    /** The score of a row; its scale is documented by the model. */
    double score(int row);

    /** A copy of all scores by row. */
    double[] scores();

    /** A short label for the row's result, e.g. an RFM cell or a risk band. */
    String label(int row);

    /** The reasons for the row's score, most important first; never empty. */
    List<Reason> reasons(int row);
}

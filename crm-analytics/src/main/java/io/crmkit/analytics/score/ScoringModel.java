package io.crmkit.analytics.score;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;

/**
 * A model that scores every customer of a feature frame and can say why.
 *
 * <p>Implementations are immutable, thread-safe and deterministic: the same frame gives the same
 * scores and reasons, whatever the parallelism.
 */
public interface ScoringModel {

    /** Short stable name, e.g. {@code "rfm"}, {@code "value"}, {@code "churn"}. */
    String name();

    /**
     * Scores all rows.
     *
     * @throws RuntimeException the validation error naming the feature when a feature the model
     *                          reads is missing or has the wrong type
     */
    ScoreResult score(FeatureFrame frame, ProgressListener progress);

    /** Scores all rows without progress reporting. */
    default ScoreResult score(FeatureFrame frame) {
        return score(frame, ProgressListener.none());
    }
}

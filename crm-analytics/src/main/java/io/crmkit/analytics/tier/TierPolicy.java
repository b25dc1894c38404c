package io.crmkit.analytics.tier;

/**
 * Maps a score to the tier a customer qualifies for in one period (before hysteresis and
 * overrides, which {@link TierEngine} applies).
 *
 * <p>A policy resolves, for the scores of one run, the minimum score of every tier; a customer
 * qualifies for the best tier whose minimum the score reaches. Implementations are immutable and
 * thread-safe.
 */
public interface TierPolicy {

    TierLadder ladder();

    /**
     * Minimum score per tier for this run, best tier first; the last entry is
     * {@code Double.NEGATIVE_INFINITY}. An unreachable tier has {@code Double.POSITIVE_INFINITY}.
     *
     * <p>How many threads a run uses is the engine's one execution setting
     * ({@link TierEngineConfig#parallelism()}), not the policy's.
     *
     * @param scores this run's scores by row (not modified)
     */
    double[] minimumScores(double[] scores);

    /**
     * The tier index a score qualifies for, given this run's minimums.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code score} when it is NaN or
     *     infinite (NaN would otherwise compare as reaching the best tier)
     */
    static int tierFor(double score, double[] minimums) {
        io.crmkit.analytics.internal.Checks.score(score, "score");
        int t = 0;
        while (score < minimums[t]) {
            t++;
        }
        return t;
    }
}

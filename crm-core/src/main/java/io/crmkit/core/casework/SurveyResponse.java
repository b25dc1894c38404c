package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * A customer's answer to a satisfaction survey: the 0–10 recommendation score (NPS: 9–10 promoter,
 * 7–8 passive, 0–6 detractor) and/or the 1–5 satisfaction score (CSAT: 4–5 satisfied), and a
 * comment. At least one score is required.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the comment (free text, personal data).
 *
 * @param score 0 to 10, or {@code null}
 * @param csat 1 to 5, or {@code null}
 * @param comment up to {@link #MAX_COMMENT} characters, or {@code null}
 */
public record SurveyResponse(@Nullable Integer score, @Nullable Integer csat, @Nullable String comment) {
    /** Longest comment kept. */
    public static final int MAX_COMMENT = 2_000;

    public SurveyResponse {
        check(score, csat);
        Check.that(score != null || csat != null, "score", "OneScore", "an answer needs a score or a CSAT rating");
        comment = Check.optionalText(comment, "comment", MAX_COMMENT);
    }

    public static SurveyResponse of(@Nullable Integer score, @Nullable Integer csat, @Nullable String comment) {
        return new SurveyResponse(score, csat, comment);
    }

    static void check(@Nullable Integer score, @Nullable Integer csat) {
        if (score != null) {
            Check.range(score, 0, 10, "score");
        }
        if (csat != null) {
            Check.range(csat, 1, 5, "csat");
        }
    }

    /** A detractor: a recommendation score of 0–6, or without one, a CSAT of 1–2. */
    public boolean detractor() {
        return score != null ? score <= 6 : csat != null && csat <= 2;
    }

    @Override
    public String toString() {
        return "SurveyResponse[score=" + score + ", csat=" + csat + "]";
    }
}

package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The satisfaction survey of a case (满意度调查): when and on which channel it was sent (if it was)
 * and the answer (if one came). A case has at most one survey and one answer.
 *
 * <p>Immutable and thread-safe. The comment is free text and so personal data: never in
 * {@link #toString()}, masked in the audit trail, never logged.
 *
 * @param sentAt when it was sent, or {@code null} for an answer given unprompted
 * @param channel the channel it was sent on, or {@code null}
 * @param respondedAt when the answer was recorded, or {@code null}
 * @param score the 0–10 "would you recommend us" score (NPS), or {@code null}
 * @param csat the 1–5 satisfaction score (CSAT), or {@code null}
 * @param comment the customer's words, or {@code null}
 */
public record Survey(@Nullable Instant sentAt, @Nullable Channel channel, @Nullable Instant respondedAt,
        @Nullable Integer score, @Nullable Integer csat, @Nullable String comment) {
    public Survey {
        Check.that(sentAt == null || channel != null, "survey.channel", "WithSentAt", "must be set when the survey was sent");
        Check.that(respondedAt != null || (score == null && csat == null && comment == null), "survey.respondedAt",
                "WithAnswer", "must be set when there is an answer");
        SurveyResponse.check(score, csat);
        comment = Check.optionalText(comment, "survey.comment", SurveyResponse.MAX_COMMENT);
    }

    /** A survey sent now, not answered yet. */
    public static Survey sent(Instant at, Channel channel) {
        return new Survey(at, channel, null, null, null, null);
    }

    /** This survey with its answer. */
    public Survey answered(Instant at, SurveyResponse r) {
        return new Survey(sentAt, channel, at, r.score(), r.csat(), r.comment());
    }

    @Override
    public String toString() {
        return "Survey[sentAt=" + sentAt + ", channel=" + channel + ", respondedAt=" + respondedAt + ", score=" + score
                + ", csat=" + csat + "]";
    }
}

package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * Survey results of one group (a branch, team or category, or the total): NPS = % promoters (9–10)
 * − % detractors (0–6) of the answers with a score, from −100 to 100; CSAT as the mean rating and
 * the share of ratings 4–5, in percent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the branch or team id, or the category code; {@code *} for the total; {@code -} for none
 * @param responses answers in the group
 * @param scored answers with a 0–10 score
 * @param promoters scores 9–10
 * @param passives scores 7–8
 * @param detractors scores 0–6
 * @param nps the net promoter score, or {@code null} without scores
 * @param rated answers with a CSAT rating
 * @param csatAverage the mean rating, or {@code null} without ratings
 * @param csatPercent the share of ratings 4–5 in percent, or {@code null} without ratings
 */
public record SatisfactionGroup(String key, int responses, int scored, int promoters, int passives, int detractors,
        @Nullable Double nps, int rated, @Nullable Double csatAverage, @Nullable Double csatPercent) {
    public SatisfactionGroup {
        Check.notNull(key, "key");
    }
}

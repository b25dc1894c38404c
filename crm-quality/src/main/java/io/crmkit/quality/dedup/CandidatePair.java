package io.crmkit.quality.dedup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Two records that may be the same customer: their keys (left before right in key order), the
 * Fellegi-Sunter score in bits, the decision and the reasons (the waterfall of field weights).
 *
 * <p>Immutable and thread-safe. Carries keys, never personal data.
 *
 * @param left the smaller key
 * @param right the larger key
 * @param score the sum of the reasons' weights
 * @param decision SAME or REVIEW
 * @param reasons one step per compared field, in field order
 */
public record CandidatePair(String left, String right, double score, Decision decision, List<Reason> reasons) {
    public CandidatePair {
        reasons = List.copyOf(reasons);
    }

    /** The waterfall as one line, for example {@code "identifier agrees +19.9 = 19.9; name agrees +7.3 = 27.2"}. */
    public String explain() {
        return reasons.stream().filter(r -> r.level() != MatchLevel.MISSING).map(Reason::text).collect(Collectors.joining("; "));
    }
}

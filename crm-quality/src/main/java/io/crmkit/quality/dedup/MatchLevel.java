package io.crmkit.quality.dedup;

/** How two records compare on one {@link MatchField}. */
public enum MatchLevel {
    /** Equal after normalisation. */
    AGREE,
    /** Nearly equal (a typo in the name, the day and month of a birth date swapped). */
    CLOSE,
    /** Both present and different. */
    DISAGREE,
    /** Missing on one side or both: no evidence either way (weight 0). */
    MISSING
}

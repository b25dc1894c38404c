package io.crmkit.quality.dedup;

/** The fields duplicate detection compares, each scored on {@link MatchLevel}s. */
public enum MatchField {
    /** Legal name (tokens in any order, Jaro-Winkler for "close") or local-script name. */
    NAME,
    /** Birth date; "close" is the day and month swapped. */
    BIRTH_DATE,
    /** Phones in E.164; agree when the two share one. */
    PHONE,
    /** E-mails in canonical form; agree when the two share one. */
    EMAIL,
    /** Identifiers with valid check digits; agree when they share one, disagree when documents of the same type and issuer differ (keys of another system never disagree). */
    IDENTIFIER,
    /** City. */
    CITY
}

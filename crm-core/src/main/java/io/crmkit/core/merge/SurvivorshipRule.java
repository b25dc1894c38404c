package io.crmkit.core.merge;

/**
 * How one field's value is chosen between the survivor and the duplicate. Every rule falls back to
 * the other record's value when its choice is empty, so a merge never blanks a field one side has.
 */
public enum SurvivorshipRule {
    /** The value of the record changed last ({@code meta.updatedAt}); the survivor's on a tie. */
    MOST_RECENT,
    /** The non-empty value; the longer text when both have one (for extensions: every field of both, the survivor's on a clash); the survivor's on a tie. */
    MOST_COMPLETE,
    /**
     * The value of the record from the more trusted source: a record's source is the issuer of its
     * external-system identifier that comes first in {@link Survivorship#sourcePriority()}; a record
     * with none ranks last; the survivor's on a tie.
     */
    SOURCE_PRIORITY,
    /** Manual choice: the survivor's value. */
    SURVIVOR,
    /** Manual choice: the duplicate's value. */
    DUPLICATE
}

package io.crmkit.core.merge;

import io.crmkit.core.check.Check;

/**
 * One entry of a merge's move log: a child record of the duplicate that the merge re-pointed to the
 * survivor (or, for a relationship between the two, removed), so unmerge can put it back.
 *
 * <p>Immutable and thread-safe. Holds ids and kinds only, no personal data.
 *
 * @param kind what was moved
 * @param id the child's id (for tier history: the entry's effective time, ISO-8601)
 * @param field which reference moved: {@code customerId}, {@code personCustomerId}, {@code from},
 *     {@code to}, or {@code removed} for a relationship between the two customers
 * @param versionAfter the child's version the merge saved ({@code 0} for tier history and removals)
 */
public record ChildMove(Kind kind, String id, String field, long versionAfter) {
    public ChildMove {
        Check.that(versionAfter >= 0, "versionAfter", "Min", "must not be negative");
        Check.notNull(kind, "kind");
        Check.notBlank(id, "id", 128);
        Check.notBlank(field, "field", 32);
    }

    /** The kinds of child record a merge moves. */
    public enum Kind {
        CONTACT, RELATIONSHIP, ACCOUNT, INTERACTION, OPPORTUNITY, TASK, ALERT, TIER_HISTORY, PENDING_REQUEST
    }
}

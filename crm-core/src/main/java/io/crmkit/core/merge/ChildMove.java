package io.crmkit.core.merge;

import io.crmkit.core.check.Check;

/**
 * One entry of a merge's move log: a child record of the duplicate that the merge re-pointed to the
 * survivor (or, for a relationship between the two, removed), so unmerge can put it back.
 *
 * <p>Immutable and thread-safe. Holds ids and kinds only, no personal data.
 *
 * @param kind what was moved
 * @param id the child's id (for tier history: the entry's effective time, ISO-8601; for a
 *     subscription: its new id, derived from the survivor; for do-not-contact flags: the survivor)
 * @param field which reference moved: {@code customerId}, {@code from}, {@code to}, or
 *     {@code removed} for a relationship between the two customers; {@code id} for a subscription
 *     re-keyed to the survivor; {@code restricted} for a survivor's consent record the merge made
 *     more restrictive, {@code created} / {@code combined} for the survivor's do-not-contact flags
 *     the merge created / widened (the records as they were are in the {@link MergeRecord})
 * @param versionAfter the child's version the merge saved ({@code 0} for tier history and removals)
 */
public record ChildMove(Kind kind, String id, String field, long versionAfter) {
    public ChildMove {
        Check.that(versionAfter >= 0, "versionAfter", "Min", "must not be negative");
        Check.notNull(kind, "kind");
        Check.notBlank(id, "id", 128);
        Check.notBlank(field, "field", 32);
    }

    /** The kinds of child record a merge moves (see {@link io.crmkit.core.MergeService} for what stays). */
    public enum Kind {
        CONTACT, RELATIONSHIP, ACCOUNT, INTERACTION, OPPORTUNITY, TASK, ALERT, TIER_HISTORY, PENDING_REQUEST,
        /** A service case. */
        CASE,
        /** A consent record: moved, or the survivor's made more restrictive. */
        CONSENT,
        /** The survivor's do-not-contact flags, created or widened with the duplicate's. */
        DO_NOT_CONTACT,
        /** An entry of the contact log (so the frequency caps count the person's contacts once). */
        CONTACT_LOG,
        /** A campaign membership (unless the survivor is a member of the same campaign). */
        CAMPAIGN_MEMBER,
        /** An open or click recorded for a moved campaign membership. */
        ENGAGEMENT,
        /** A subscription of the information service, re-keyed to the survivor. */
        SUBSCRIPTION
    }
}

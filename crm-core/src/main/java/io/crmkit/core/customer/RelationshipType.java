package io.crmkit.core.customer;

/**
 * How one customer relates to another. Read a relationship as "{@code from} is the TYPE of
 * {@code to}": {@code SPOUSE}, {@code HOUSEHOLD_MEMBER} (of the household party {@code to}),
 * {@code BENEFICIAL_OWNER} (of institution {@code to}), {@code GUARANTOR} (for {@code to}),
 * {@code REFERRED_BY} (reads the other way: {@code from} was referred by {@code to}),
 * {@code LINKED_ACCOUNT_HOLDER} (joint or authorised holder on {@code to}'s accounts).
 */
public enum RelationshipType {
    HOUSEHOLD_MEMBER,
    SPOUSE,
    BENEFICIAL_OWNER,
    GUARANTOR,
    REFERRED_BY,
    LINKED_ACCOUNT_HOLDER;

    /** Whether the relation reads the same both ways (only spouses). */
    public boolean symmetric() {
        return this == SPOUSE;
    }
}

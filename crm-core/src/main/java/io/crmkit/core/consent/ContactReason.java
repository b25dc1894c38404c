package io.crmkit.core.consent;

/**
 * Why the contact policy denies or defers a contact. Typed so hosts can count and route them; the
 * decision's detail adds words without personal data.
 */
public enum ContactReason {
    /** The customer does not exist or the actor may not see them (the same answer for both). */
    UNKNOWN_CUSTOMER,
    /** The customer asked not to be contacted at all. */
    DO_NOT_CONTACT,
    /** The customer asked not to be contacted on this channel. */
    DO_NOT_CONTACT_CHANNEL,
    /** No consent is on record for this contact point and purpose. */
    NO_CONSENT,
    /** The customer refused consent. */
    CONSENT_REFUSED,
    /** A double opt-in waits for the customer's confirmation. */
    CONSENT_PENDING,
    /** The customer withdrew consent. */
    CONSENT_WITHDRAWN,
    /** The consent's effective period has ended. */
    CONSENT_EXPIRED,
    /** The consent is not effective yet (defers until it is). */
    CONSENT_NOT_YET_EFFECTIVE,
    /** A frequency cap is reached (defers until enough earlier contacts leave the window). */
    FREQUENCY_CAP,
    /** It is quiet hours in the customer's time zone (defers until they end). */
    QUIET_HOURS,
    /** Caps or quiet hours would keep the contact waiting until after the consent ends. */
    NO_TIME_BEFORE_CONSENT_ENDS
}

package io.crmkit.core.campaign;

/** What happened to a member's contact at launch. */
public enum ContactOutcome {
    /** The contact policy allowed it; the member was released for contact at {@code contactedAt}. */
    CONTACTED,
    /** The contact policy refused it, for the member's {@code reason}. */
    REFUSED,
    /** The contact policy put it off (quiet hours, a cap window) until {@code deferredUntil}. */
    DEFERRED,
    /** A holdout member: never contacted. */
    HELD_OUT
}

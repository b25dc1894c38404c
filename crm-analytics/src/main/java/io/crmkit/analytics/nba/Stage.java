package io.crmkit.analytics.nba;

/**
 * Where a proposition dropped out for a customer, in the order the stages run. Constants only;
 * thread-safe.
 */
public enum Stage {
    /** A hard rule over the customer's features does not hold (e.g. minimum assets, age). */
    ELIGIBILITY,
    /** Not relevant now: already held, already subscribed, or switched off in the current context. */
    APPLICABILITY,
    /** The product's risk level is above the customer's risk tolerance, or the tolerance is unknown. */
    SUITABILITY,
    /** The contact gate denied or deferred contact on the proposition's channel and purpose. */
    CONTACT,
    /** The channel, the branch or the customer's own limit of actions was already full. */
    CAPACITY
}

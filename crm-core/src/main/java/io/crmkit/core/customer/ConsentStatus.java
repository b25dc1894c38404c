package io.crmkit.core.customer;

/**
 * The state of a consent: given, refused, withdrawn after being given, or (double opt-in) captured
 * but not yet confirmed by the customer.
 */
public enum ConsentStatus {
    GRANTED,
    DENIED,
    WITHDRAWN,
    // Consent and contact policy (issue 12):
    /** Captured with double opt-in and waiting for the customer's confirmation: permits nothing yet. */
    PENDING
}

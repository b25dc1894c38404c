package io.crmkit.core.customer;

/** The state of a consent: given, refused, or withdrawn after being given. */
public enum ConsentStatus {
    GRANTED,
    DENIED,
    WITHDRAWN
}

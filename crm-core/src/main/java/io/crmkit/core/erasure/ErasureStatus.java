package io.crmkit.core.erasure;

/** Where an approved erasure stands. */
public enum ErasureStatus {
    /** Approved, but a retention hold defers it to {@code dueAt}; the scheduled job applies it then. */
    SCHEDULED,
    /** Applied: the record is the erasure certificate. */
    COMPLETED
}

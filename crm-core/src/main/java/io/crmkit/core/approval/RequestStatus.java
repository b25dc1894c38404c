package io.crmkit.core.approval;

/** Where a pending request stands. Only {@link #PENDING} can still change. */
public enum RequestStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}

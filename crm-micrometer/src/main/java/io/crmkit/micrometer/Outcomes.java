package io.crmkit.micrometer;

import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;

/**
 * The {@code outcome} tag: one of a fixed handful of words, never an exception message (which may
 * name an id). Stateless.
 */
final class Outcomes {
    static final String SUCCESS = "success";

    private Outcomes() {
    }

    /** The pipeline's internal signal that a four-eyes rule parked the change (it becomes ApprovalRequiredException). */
    private static final String PARKED = "io.crmkit.core.internal.Engine$Park";

    static String of(Throwable failure) {
        if (failure instanceof ApprovalRequiredException || failure.getClass().getName().equals(PARKED)) {
            return "approval_required";
        }
        if (failure instanceof ValidationException) {
            return "invalid";
        }
        if (failure instanceof AccessDeniedException) {
            return "denied";
        }
        if (failure instanceof NotFoundException) {
            return "not_found";
        }
        if (failure instanceof DuplicateKeyException) {
            return "duplicate";
        }
        if (failure instanceof ConflictException) {
            return "conflict";
        }
        if (failure instanceof StoreException store) {
            return store.isTransient() ? "store_transient" : "store_error";
        }
        return "error";
    }
}

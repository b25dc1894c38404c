package io.crmkit.core.error;

/**
 * The store failed for a reason that is not the caller's input (a lost connection, a full disk, a
 * database error). Stores translate their native exceptions into this type with a message that
 * carries no data values; the cause is kept only when it is known to be free of them.
 *
 * <p>Immutable and thread-safe.
 */
public class StoreException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;

    public StoreException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public StoreException(String message, boolean transientFailure, Throwable safeCause) {
        super(message, safeCause);
        this.transientFailure = transientFailure;
    }

    /** True when retrying the same work later may succeed (connection lost, deadlock, timeout). */
    public boolean isTransient() {
        return transientFailure;
    }
}

package io.crmkit.core.error;

/**
 * The actor may not perform the operation. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String actorId, String operation) {
        super("actor " + actorId + " may not " + operation);
    }
}

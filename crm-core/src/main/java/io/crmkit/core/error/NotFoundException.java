package io.crmkit.core.error;

/**
 * The requested aggregate does not exist (or is not visible to the actor).
 *
 * <p>Immutable and thread-safe.
 */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String aggregateType, String id) {
        super(aggregateType + " " + id + " not found");
    }
}

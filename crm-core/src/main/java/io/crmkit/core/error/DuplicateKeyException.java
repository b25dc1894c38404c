package io.crmkit.core.error;

/**
 * A natural key (a customer identifier, an interaction's external reference, an account link) is
 * already taken by another record. (A taken aggregate id on insert is a {@link ConflictException}.) Names the key, never its value. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public class DuplicateKeyException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String aggregateType;
    private final String key;

    public DuplicateKeyException(String aggregateType, String key) {
        super(aggregateType + ": the value of " + key + " is already in use by another record");
        this.aggregateType = aggregateType;
        this.key = key;
    }

    public String aggregateType() { return aggregateType; }

    /** The name of the natural key, for example {@code identifier} or {@code externalRef}. */
    public String key() { return key; }
}

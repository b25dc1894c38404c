package io.crmkit.core.error;

/**
 * Optimistic concurrency conflict: the aggregate was changed (or created, or deleted) by someone
 * else since the caller read it. Nothing was written. The caller should re-read and retry.
 *
 * <p>Immutable and thread-safe.
 */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String aggregateType;
    private final String aggregateId;
    private final long expectedVersion;

    public ConflictException(String aggregateType, String aggregateId, long expectedVersion) {
        super(aggregateType + " " + aggregateId + " was changed concurrently (expected version "
                + expectedVersion + "); re-read and retry");
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.expectedVersion = expectedVersion;
    }

    public String aggregateType() { return aggregateType; }

    public String aggregateId() { return aggregateId; }

    public long expectedVersion() { return expectedVersion; }
}

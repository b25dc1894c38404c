package io.crmkit.core.approval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a pending (maker-checker) request.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record PendingRequestId(@JsonValue String value) implements Comparable<PendingRequestId> {
    public PendingRequestId {
        Ids.check(value, "PendingRequestId");
    }

    @JsonCreator
    public static PendingRequestId of(String value) {
        return new PendingRequestId(value);
    }

    @Override
    public int compareTo(PendingRequestId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

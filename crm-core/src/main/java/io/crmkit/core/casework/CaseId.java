package io.crmkit.core.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a service case: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record CaseId(@JsonValue String value) implements Comparable<CaseId> {
    public CaseId {
        Ids.check(value, "CaseId");
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public int compareTo(CaseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

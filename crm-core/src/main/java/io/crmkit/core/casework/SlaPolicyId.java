package io.crmkit.core.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of an SLA policy: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record SlaPolicyId(@JsonValue String value) implements Comparable<SlaPolicyId> {
    public SlaPolicyId {
        Ids.check(value, "SlaPolicyId");
    }

    @JsonCreator
    public static SlaPolicyId of(String value) {
        return new SlaPolicyId(value);
    }

    @Override
    public int compareTo(SlaPolicyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.crmkit.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a consent record: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ConsentId(@JsonValue String value) implements Comparable<ConsentId> {
    public ConsentId {
        Ids.check(value, "ConsentId");
    }

    @JsonCreator
    public static ConsentId of(String value) {
        return new ConsentId(value);
    }

    @Override
    public int compareTo(ConsentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

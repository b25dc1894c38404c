package io.crmkit.core.erasure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of an erasure record: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ErasureId(@JsonValue String value) implements Comparable<ErasureId> {
    public ErasureId {
        Ids.check(value, "ErasureId");
    }

    @JsonCreator
    public static ErasureId of(String value) {
        return new ErasureId(value);
    }

    @Override
    public int compareTo(ErasureId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

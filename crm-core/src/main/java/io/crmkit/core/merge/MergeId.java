package io.crmkit.core.merge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a merge record: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record MergeId(@JsonValue String value) implements Comparable<MergeId> {
    public MergeId {
        Ids.check(value, "MergeId");
    }

    @JsonCreator
    public static MergeId of(String value) {
        return new MergeId(value);
    }

    @Override
    public int compareTo(MergeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

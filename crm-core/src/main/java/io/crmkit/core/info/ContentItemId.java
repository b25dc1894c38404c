package io.crmkit.core.info;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a content item (research report, morning note, product notice): 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ContentItemId(@JsonValue String value) implements Comparable<ContentItemId> {
    public ContentItemId {
        Ids.check(value, "ContentItemId");
    }

    @JsonCreator
    public static ContentItemId of(String value) {
        return new ContentItemId(value);
    }

    @Override
    public int compareTo(ContentItemId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

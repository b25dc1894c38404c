package io.crmkit.core.outreach;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of one recorded open, click or reply: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record EngagementId(@JsonValue String value) implements Comparable<EngagementId> {
    public EngagementId {
        Ids.check(value, "EngagementId");
    }

    @JsonCreator
    public static EngagementId of(String value) {
        return new EngagementId(value);
    }

    @Override
    public int compareTo(EngagementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.crmkit.core.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of an alert: 1 to 64 characters from {@code [A-Za-z0-9._:-]}. The real-time engine derives
 * it from the rule and the triggering event, so raising the same alert twice finds the first one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record AlertId(@JsonValue String value) implements Comparable<AlertId> {
    public AlertId {
        Ids.check(value, "AlertId");
    }

    @JsonCreator
    public static AlertId of(String value) {
        return new AlertId(value);
    }

    @Override
    public int compareTo(AlertId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

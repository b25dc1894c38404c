package io.crmkit.core.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of an entry of the contact log: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ContactAttemptId(@JsonValue String value) implements Comparable<ContactAttemptId> {
    public ContactAttemptId {
        Ids.check(value, "ContactAttemptId");
    }

    @JsonCreator
    public static ContactAttemptId of(String value) {
        return new ContactAttemptId(value);
    }

    @Override
    public int compareTo(ContactAttemptId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

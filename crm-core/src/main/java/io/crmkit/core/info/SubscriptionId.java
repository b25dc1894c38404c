package io.crmkit.core.info;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of one subscription (customer × topic × channel): 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record SubscriptionId(@JsonValue String value) implements Comparable<SubscriptionId> {
    public SubscriptionId {
        Ids.check(value, "SubscriptionId");
    }

    @JsonCreator
    public static SubscriptionId of(String value) {
        return new SubscriptionId(value);
    }

    @Override
    public int compareTo(SubscriptionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.crmkit.core.info;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of one push of one content item to one customer on one channel: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record DeliveryId(@JsonValue String value) implements Comparable<DeliveryId> {
    public DeliveryId {
        Ids.check(value, "DeliveryId");
    }

    @JsonCreator
    public static DeliveryId of(String value) {
        return new DeliveryId(value);
    }

    @Override
    public int compareTo(DeliveryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

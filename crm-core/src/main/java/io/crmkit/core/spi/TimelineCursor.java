package io.crmkit.core.spi;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import java.time.Instant;

/**
 * The position in a timeline: newest first, ordered by {@code occurredAt} descending then id
 * descending, so ties on time are broken deterministically. Encoded as an opaque string
 * {@code <epochSecond>.<nano>.<id>} that every store reads the same way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param occurredAt the time of the last item seen
 * @param id the id of the last item seen
 */
public record TimelineCursor(Instant occurredAt, InteractionId id) {
    public static TimelineCursor of(Interaction last) {
        return new TimelineCursor(last.occurredAt(), last.id());
    }

    public String encode() {
        return occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "." + id.value();
    }

    /** Reads a cursor made by {@link #encode()}; anything else is a validation error on {@code after}. */
    public static TimelineCursor decode(String cursor) {
        try {
            int a = cursor.indexOf('.');
            int b = cursor.indexOf('.', a + 1);
            long seconds = Long.parseLong(cursor.substring(0, a));
            int nanos = Integer.parseInt(cursor.substring(a + 1, b));
            return new TimelineCursor(Instant.ofEpochSecond(seconds, nanos), InteractionId.of(cursor.substring(b + 1)));
        } catch (RuntimeException e) {
            throw ValidationException.of("after", "Cursor", "is not a timeline cursor of this library");
        }
    }

    /** True when {@code i} comes after this position in newest-first order. */
    public boolean isBefore(Interaction i) {
        int c = i.occurredAt().compareTo(occurredAt);
        return c < 0 || (c == 0 && i.id().compareTo(id) < 0);
    }
}

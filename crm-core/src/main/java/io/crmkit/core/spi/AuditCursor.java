package io.crmkit.core.spi;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Ids;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;

/**
 * The position in a newest-first audit page: {@code at} descending then entry id descending,
 * encoded as {@code <epochSecond>.<nano>.<id>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at the time of the last entry seen
 * @param id the id of the last entry seen
 */
public record AuditCursor(Instant at, String id) {
    public static AuditCursor of(AuditEntry last) {
        return new AuditCursor(last.at(), last.id());
    }

    public String encode() {
        return at.getEpochSecond() + "." + at.getNano() + "." + id;
    }

    /** Reads a cursor made by {@link #encode()}; anything else is a validation error on {@code after}. */
    public static AuditCursor decode(String cursor) {
        try {
            int a = cursor.indexOf('.');
            int b = cursor.indexOf('.', a + 1);
            long seconds = Long.parseLong(cursor.substring(0, a));
            int nanos = Integer.parseInt(cursor.substring(a + 1, b));
            return new AuditCursor(Instant.ofEpochSecond(seconds, nanos), Ids.check(cursor.substring(b + 1), "after"));
        } catch (RuntimeException e) {
            throw ValidationException.of("after", "Cursor", "is not an audit cursor of this library");
        }
    }

    /** True when {@code e} comes after this position in newest-first order. */
    public boolean isBefore(AuditEntry e) {
        int c = e.at().compareTo(at);
        return c < 0 || (c == 0 && e.id().compareTo(id) < 0);
    }
}

package io.crmkit.core;

/**
 * Makes ids for new aggregates. The default makes ULIDs: 26 characters, time-ordered (so new rows
 * land at the end of an index) and random enough to be unique without coordination, which lets a
 * database store batch inserts.
 *
 * <p>Implementations must be thread-safe and return values valid as ids (1-64 characters from
 * {@code [A-Za-z0-9._:-]}).
 */
@FunctionalInterface
public interface IdGenerator {
    /** A new id for an aggregate of the given type ({@code Customer}, {@code Interaction}, ...). */
    String next(String aggregateType);

    /** The default: ULIDs. */
    static IdGenerator ulid() {
        return type -> io.crmkit.core.internal.Ulid.next();
    }
}

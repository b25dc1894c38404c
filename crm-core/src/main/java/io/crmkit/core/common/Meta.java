package io.crmkit.core.common;

import io.crmkit.core.check.Check;
import java.time.Instant;

/**
 * Bookkeeping every aggregate carries: its version for optimistic concurrency and who created and
 * last changed it, when. A new, never-saved aggregate has version {@code 0}; each successful save
 * stores it with version + 1. The version a caller passes back on save is the version it read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the version read from the store ({@code 0} for a new aggregate)
 * @param createdAt when it was first saved
 * @param createdBy the actor id that created it
 * @param updatedAt when it was last changed
 * @param updatedBy the actor id that last changed it
 */
public record Meta(long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    public Meta {
        Check.that(version >= 0, "meta.version", "Min", "must not be negative");
        Check.notNull(createdAt, "meta.createdAt");
        Check.notBlank(createdBy, "meta.createdBy", 64);
        Check.notNull(updatedAt, "meta.updatedAt");
        Check.notBlank(updatedBy, "meta.updatedBy", 64);
    }

    /** Bookkeeping for a new aggregate created by {@code actorId} at {@code at}. */
    public static Meta created(Instant at, String actorId) {
        return new Meta(0, at, actorId, at, actorId);
    }

    /** The same bookkeeping, changed by {@code actorId} at {@code at}; the version is untouched. */
    public Meta touched(Instant at, String actorId) {
        return new Meta(version, createdAt, createdBy, at, actorId);
    }

    /** The bookkeeping a store writes: version + 1. */
    public Meta nextVersion() {
        return new Meta(version + 1, createdAt, createdBy, updatedAt, updatedBy);
    }

    /** A copy with the given version (stores use it when mapping rows back). */
    public Meta withVersion(long newVersion) {
        return new Meta(newVersion, createdAt, createdBy, updatedAt, updatedBy);
    }

    public boolean isNew() {
        return version == 0;
    }
}

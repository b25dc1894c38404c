package io.crmkit.jpa.crypto;

import org.jspecify.annotations.Nullable;

/**
 * What a run of {@link KeyRotation} did. Immutable and thread-safe.
 *
 * @param scanned rows read
 * @param rewritten rows re-encrypted
 * @param cursor where the next {@link KeyRotation#step} starts, or {@code null} when every table is done
 */
public record RotationReport(long scanned, long rewritten, @Nullable String cursor) {
    /** Whether every table has been walked. */
    public boolean done() {
        return cursor == null;
    }
}

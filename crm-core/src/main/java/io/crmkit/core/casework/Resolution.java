package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import org.jspecify.annotations.Nullable;

/**
 * How a case was resolved: a root-cause code (reference data of the firm, such as
 * {@code system-outage} or {@code fee-misunderstanding}) for statistics, and notes in words.
 *
 * <p>Immutable and thread-safe. The notes are free text and so treated as personal data: never in
 * {@link #toString()}, masked in the audit trail.
 *
 * @param rootCause an id-like code
 * @param notes what was done, up to {@link #MAX_NOTES} characters, or {@code null}
 */
public record Resolution(String rootCause, @Nullable String notes) {
    /** Longest notes kept. */
    public static final int MAX_NOTES = 2_000;

    public Resolution {
        Ids.check(rootCause, "resolution.rootCause");
        notes = Check.optionalText(notes, "resolution.notes", MAX_NOTES);
    }

    public static Resolution of(String rootCause, @Nullable String notes) {
        return new Resolution(rootCause, notes);
    }

    @Override
    public String toString() {
        return "Resolution[rootCause=" + rootCause + "]";
    }
}

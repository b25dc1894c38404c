package io.crmkit.core.audit;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * One field's change in an audit entry: the field's path in the stored record (for example
 * {@code owner}, {@code tags}, {@code identifiers[0].value}) and its old and new values as JSON
 * text ({@code null}: absent). Values of sensitive fields are {@link #MASKED}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the path only.
 *
 * @param path the field's path
 * @param oldValue the value before, or {@code null}
 * @param newValue the value after, or {@code null}
 */
public record FieldChange(String path, @Nullable String oldValue, @Nullable String newValue) {
    /** What a sensitive field's value reads as in the trail. */
    public static final String MASKED = "***";
    /** The longest value kept; longer ones are cut (the hash covers what is kept). */
    public static final int MAX_VALUE = 4_000;

    public FieldChange {
        Check.notBlank(path, "change.path", 500);
        Check.that(oldValue == null || oldValue.length() <= MAX_VALUE, "change.oldValue", "Size", "too long");
        Check.that(newValue == null || newValue.length() <= MAX_VALUE, "change.newValue", "Size", "too long");
    }

    @Override
    public String toString() {
        return "FieldChange[path=" + path + "]";
    }
}

package io.crmkit.core.check;

import io.crmkit.core.error.ValidationException;
import org.jspecify.annotations.Nullable;

/** The one rule every typed id follows. */
public final class Ids {
    /** Longest id accepted: fits a ULID, a UUID and most host systems' keys. */
    public static final int MAX_LENGTH = 64;

    private Ids() {}

    /**
     * Checks an id value: 1..64 characters from {@code [A-Za-z0-9._:-]}. The restricted alphabet
     * keeps ids safe in URLs, logs, file names and CSV cells.
     */
    public static String check(@Nullable String value, String type) {
        if (value == null) {
            throw ValidationException.of(type, "NotNull", "must not be null");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw ValidationException.of(type, "IdFormat", "must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                throw ValidationException.of(type, "IdFormat", "may contain only letters, digits and . _ : -");
            }
        }
        return value;
    }
}

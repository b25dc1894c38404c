package io.crmkit.core.check;

import io.crmkit.core.error.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Invariant checks for domain records' constructors. Each failure is a
 * {@link ValidationException} naming the field and the rule, never the value. The services
 * validate commands first (collecting every violation); these checks are the backstop that
 * keeps a malformed record from ever existing.
 */
public final class Check {
    /** The longest free text (notes, descriptions) any record accepts, in characters. */
    public static final int MAX_TEXT = 10_000;
    /** The longest short text (names, subjects, codes' labels), in characters. */
    public static final int MAX_SHORT = 200;

    private Check() {}

    public static <T> T notNull(@Nullable T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "NotNull", "must not be null");
        }
        return value;
    }

    public static String notBlank(@Nullable String value, String field, int max) {
        if (value == null) {
            throw ValidationException.of(field, "NotNull", "must not be null");
        }
        if (value.isBlank()) {
            throw ValidationException.of(field, "NotBlank", "must not be blank");
        }
        return text(value, field, max);
    }

    /** Null allowed; otherwise bounded and free of control characters other than line breaks and tabs. */
    public static @Nullable String optionalText(@Nullable String value, String field, int max) {
        return value == null ? null : text(value, field, max);
    }

    private static String text(String value, String field, int max) {
        if (value.length() > max) {
            throw ValidationException.of(field, "Size", "must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw ValidationException.of(field, "NoControlCharacters",
                        "must not contain control characters (found one at index " + i + ")");
            }
        }
        return value;
    }

    public static void that(boolean condition, String field, String rule, String message) {
        if (!condition) {
            throw ValidationException.of(field, rule, message);
        }
    }

    public static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw ValidationException.of(field, "Range", "must be between " + min + " and " + max);
        }
        return value;
    }

    public static <T> List<T> list(@Nullable List<T> values, String field) {
        return List.copyOf(noNulls(values, field));
    }

    public static <T> Set<T> set(@Nullable Set<T> values, String field) {
        return Set.copyOf(noNulls(values, field));
    }

    public static <K, V> Map<K, V> map(@Nullable Map<K, V> values, String field) {
        notNull(values, field);
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw ValidationException.of(field, "NoNullElements", "must not contain null keys or values");
            }
        });
        return Map.copyOf(values);
    }

    private static <C extends Collection<?>> C noNulls(@Nullable C values, String field) {
        notNull(values, field);
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                throw ValidationException.of(field + "[" + i + "]", "NotNull", "must not be null");
            }
            i++;
        }
        return values;
    }
}

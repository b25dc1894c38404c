package io.crmkit.core.check;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.ArrayList;
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
 *
 * <p>The text rule (one rule for every record and command):
 * <ul>
 *   <li>text of at most {@link #MAX_SHORT} characters is <b>single-line</b> (names, subjects,
 *       codes, labels, reasons): no control characters at all (so no line breaks or tabs), no
 *       U+2028/U+2029;</li>
 *   <li>longer text is <b>free text</b> (notes, descriptions, text extension values): line feed,
 *       carriage return and tab allowed, no other control characters, no U+2028/U+2029;</li>
 *   <li>in both: no bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 *       U+061C), no byte-order mark U+FEFF and no unpaired surrogate.</li>
 * </ul>
 * A bidi override can make "ACC-123" display as "321-CCA" in a branch screen or an export; an
 * unpaired surrogate cannot be encoded as UTF-8 and so fails in the database or the JSON writer.
 *
 * <p>Stateless and thread-safe; {@link Violations} is not thread-safe.
 */
public final class Check {
    /** The longest free text (notes, descriptions) any record accepts, in characters. */
    public static final int MAX_TEXT = 10_000;
    /** The longest short text (names, subjects, codes' labels), in characters; such text is single-line. */
    public static final int MAX_SHORT = 200;

    private Check() {}

    public static <T> T notNull(@Nullable T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "NotNull", "must not be null");
        }
        return value;
    }

    /** Required text: not blank, at most {@code max} characters, and the text rule (single-line when {@code max <= MAX_SHORT}). */
    public static String notBlank(@Nullable String value, String field, int max) {
        Violation v = blankProblem(value, field, max);
        if (v != null) {
            throw new ValidationException(List.of(v));
        }
        return value;
    }

    /** Null allowed; otherwise bounded and following the text rule (single-line when {@code max <= MAX_SHORT}). */
    public static @Nullable String optionalText(@Nullable String value, String field, int max) {
        Violation v = textProblem(value, field, max);
        if (v != null) {
            throw new ValidationException(List.of(v));
        }
        return value;
    }

    /** The violation of a required text, or {@code null} when it is fine. */
    public static @Nullable Violation blankProblem(@Nullable String value, String field, int max) {
        if (value == null) {
            return Violation.of(field, "NotNull", "must not be null");
        }
        if (value.isBlank()) {
            return Violation.of(field, "NotBlank", "must not be blank");
        }
        return textProblem(value, field, max);
    }

    /** The violation of an optional text (null is fine), or {@code null} when it is fine. */
    public static @Nullable Violation textProblem(@Nullable String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return Violation.of(field, "Size", "must be at most " + max + " characters");
        }
        return characterProblem(value, field, max > MAX_SHORT);
    }

    /**
     * The violation of the character part of the text rule, or {@code null}.
     *
     * @param freeText whether line breaks and tabs are allowed
     */
    public static @Nullable Violation characterProblem(String value, String field, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c < '\u007F') {
                continue; // printable ASCII, most of every text: none of the rules below applies
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!freeText) {
                    return Violation.of(field, "SingleLine",
                            "must be a single line without tabs (found a line break or tab at index " + i + ")");
                }
            } else if (Character.isISOControl(c)) {
                return Violation.of(field, "NoControlCharacters",
                        "must not contain control characters (found one at index " + i + ")");
            } else if (c == '\u2028' || c == '\u2029') {
                return Violation.of(field, freeText ? "NoControlCharacters" : "SingleLine",
                        "must not contain U+2028/U+2029 separators (found one at index " + i + ")");
            } else if (isBidiControl(c) || c == '\uFEFF') {
                return Violation.of(field, "NoBidiControls",
                        "must not contain bidirectional controls or a byte-order mark (found one at index " + i + ")");
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return unpaired(field, i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return unpaired(field, i);
            }
        }
        return null;
    }

    private static Violation unpaired(String field, int i) {
        return Violation.of(field, "WellFormedUnicode", "must not contain an unpaired surrogate (found one at index " + i + ")");
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
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

    /** Starts collecting violations, for a constructor that reports every broken rule at once. */
    public static Violations collect() {
        return new Violations();
    }

    /**
     * Collects the violations of one record so that its constructor reports all of them in one
     * {@link ValidationException}. Not thread-safe: one per constructor call.
     */
    public static final class Violations {
        private final List<Violation> found = new ArrayList<>();

        private Violations() {}

        public Violations add(@Nullable Violation v) {
            if (v != null) {
                found.add(v);
            }
            return this;
        }

        /** Records a violation when {@code condition} is false; returns the condition. */
        public boolean that(boolean condition, String field, String rule, String message) {
            if (!condition) {
                found.add(Violation.of(field, rule, message));
            }
            return condition;
        }

        /** Records a violation when {@code value} is null; returns whether it was present. */
        public boolean notNull(@Nullable Object value, String field) {
            return that(value != null, field, "NotNull", "must not be null");
        }

        /** Required text under the text rule; returns the value unchanged. */
        public @Nullable String notBlank(@Nullable String value, String field, int max) {
            add(blankProblem(value, field, max));
            return value;
        }

        /** Optional text under the text rule; returns the value unchanged. */
        public @Nullable String optionalText(@Nullable String value, String field, int max) {
            add(textProblem(value, field, max));
            return value;
        }

        /** {@link Check#list} collecting instead of throwing; {@code null} when refused. */
        public <T> @Nullable List<T> list(@Nullable List<T> values, String field) {
            return capture(() -> Check.list(values, field));
        }

        /** {@link Check#set} collecting instead of throwing; {@code null} when refused. */
        public <T> @Nullable Set<T> set(@Nullable Set<T> values, String field) {
            return capture(() -> Check.set(values, field));
        }

        /** {@link Check#map} collecting instead of throwing; {@code null} when refused. */
        public <K, V> @Nullable Map<K, V> map(@Nullable Map<K, V> values, String field) {
            return capture(() -> Check.map(values, field));
        }

        /** Runs a check that throws {@link ValidationException} and keeps its violations instead. */
        public <T> @Nullable T capture(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (ValidationException e) {
                found.addAll(e.violations());
                return null;
            }
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        public List<Violation> list() {
            return List.copyOf(found);
        }

        /** Throws every collected violation at once, if there is any. */
        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ValidationException(found);
            }
        }
    }
}

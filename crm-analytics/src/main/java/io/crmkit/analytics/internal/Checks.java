package io.crmkit.analytics.internal;

import io.crmkit.core.error.ValidationException;

/**
 * The single place where crm-analytics builds its validation errors: the core's
 * {@link ValidationException} with one violation naming the field, a rule code and the message.
 *
 * <p>Messages name the field and the rule that was broken. They may quote configuration numbers
 * (quantile counts, thresholds) and row indexes, never feature values of a customer.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class Checks {

    private Checks() {
    }

    /** Builds the validation error for {@code field}; {@code message} says which rule was broken. */
    public static ValidationException invalid(String field, String message) {
        return invalid(field, "Invalid", message);
    }

    /** Builds the validation error for {@code field} breaking the rule with code {@code rule}. */
    public static ValidationException invalid(String field, String rule, String message) {
        return ValidationException.of(field, rule, message);
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw invalid(field, "NotNull", "must not be null");
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw invalid(field, "Range", "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw invalid(field, "Finite", "must be a finite number");
        }
        return value;
    }

    /**
     * Scores at a public boundary: every value finite (NaN and infinities are refused, naming the
     * row), and negative zero read as zero, so that it reaches a tier whose threshold is 0 as 0.0
     * does. Returns {@code scores} itself when it holds no negative zero, else a corrected copy;
     * the caller's array is never changed.
     */
    public static double[] scores(double[] scores, String field) {
        notNull(scores, field);
        double[] out = scores;
        for (int i = 0; i < scores.length; i++) {
            double v = scores[i];
            if (!Double.isFinite(v)) {
                throw invalid(field + " row " + i, "Finite", "must be a finite number");
            }
            if (Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                if (out == scores) {
                    out = scores.clone();
                }
                out[i] = 0.0;
            }
        }
        return out;
    }

    /** A finite number, with negative zero read as zero. */
    public static double score(double value, String field) {
        return finite(value, field) + 0.0; // -0.0 + 0.0 == +0.0
    }

    public static double positive(double value, String field) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw invalid(field, "Positive", "must be a finite number greater than 0 (was " + value + ")");
        }
        return value;
    }

    public static double between(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw invalid(field, "Range", "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** Checks a short machine code such as {@code ASSET_OUTFLOW} or {@code GOLD}. */
    public static String code(String value, String field) {
        notNull(value, field);
        if (value.isEmpty() || value.length() > 40 || !value.matches("[A-Z][A-Z0-9_]*")) {
            throw invalid(field, "CodeFormat", "must be 1 to 40 characters of A-Z, 0-9 and _ starting with a letter");
        }
        return value;
    }

    /** Checks a feature name as used by frames and the segment language. */
    public static String featureName(String value, String field) {
        notNull(value, field);
        if (value.isEmpty() || value.length() > 64 || !value.matches("[a-z][a-z0-9_]*")) {
            throw invalid(field, "NameFormat", "must be 1 to 64 characters of a-z, 0-9 and _ starting with a letter");
        }
        return value;
    }

    /** Checks a human-readable text (reason words, labels): not blank, at most {@code max} characters. */
    public static String text(String value, int max, String field) {
        notNull(value, field);
        if (value.isBlank() || value.length() > max) {
            throw invalid(field, "Text", "must be non-blank text of at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(field, "Text", "must not contain control characters");
            }
        }
        return value;
    }

    public static void sameLength(int expected, int actual, String field) {
        if (expected != actual) {
            throw invalid(field, "Rows", "must have " + expected + " rows (had " + actual + ")");
        }
    }
}

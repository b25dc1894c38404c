package io.crmkit.core.error;

import java.util.Objects;

/**
 * One broken rule: the path of the field (for example {@code identifiers[0].value} or
 * {@code amount.currency}), the rule's short name (for example {@code NotBlank}, {@code Size},
 * {@code LifecycleTransition}) and a message for people. Never carries the rejected value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field path, dot separated, {@code ""} for the object as a whole
 * @param rule the rule's short name
 * @param message a human-readable explanation without the offending value
 */
public record Violation(String field, String rule, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String field, String rule, String message) {
        return new Violation(field, rule, message);
    }

    @Override
    public String toString() {
        return field + " [" + rule + "]: " + message;
    }
}

package io.crmkit.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules. Lists every violation found (not just the first); when it is
 * thrown, nothing has been written.
 *
 * <p>Immutable and thread-safe.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String rule, String message) {
        return new ValidationException(List.of(Violation.of(field, rule, message)));
    }

    /** Every violation, in the order found. Never empty. */
    public List<Violation> violations() {
        return violations;
    }

    /** True when some violation concerns {@code field} (exact path match). */
    public boolean hasViolationOn(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.size() + " violation(s): "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}

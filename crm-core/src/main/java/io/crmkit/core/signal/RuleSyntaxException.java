package io.crmkit.core.signal;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.List;

/**
 * Bad rule text: a syntax error, an unknown measure, a window out of range. Carries the 1-based
 * column where the problem starts and what was expected there. It is the core's validation error
 * with one violation on field {@code rule} and rule {@code Syntax}.
 *
 * <p>The message quotes at most 20 characters of the offending token, with control characters
 * replaced. Immutable and thread-safe.
 */
public final class RuleSyntaxException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    public RuleSyntaxException(int position, String problem) {
        super(List.of(Violation.of("rule", "Syntax", "column " + position + ": " + problem)));
        this.position = position;
        this.problem = problem;
    }

    /** 1-based column of the error in the text. */
    public int position() {
        return position;
    }

    /** The problem without the position, e.g. "expected ')' after the window, found 'and'". */
    public String problem() {
        return problem;
    }
}

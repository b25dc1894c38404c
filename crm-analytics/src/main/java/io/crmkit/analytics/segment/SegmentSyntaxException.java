package io.crmkit.analytics.segment;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.List;

/**
 * Bad segment text: a syntax error, or a name or value that does not fit the frame. Carries the
 * 1-based column where the problem starts and what was expected there. It is the core's
 * validation error with one violation on field {@code segment} and rule {@code Syntax}.
 *
 * <p>The message quotes at most 20 characters of the offending token, with control characters
 * replaced. Immutable and thread-safe.
 */
public final class SegmentSyntaxException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    public SegmentSyntaxException(int position, String problem) {
        super(List.of(Violation.of("segment", "Syntax", "column " + position + ": " + problem)));
        this.position = position;
        this.problem = problem;
    }

    /** 1-based column of the error in the text (0 for conditions built in Java). */
    public int position() {
        return position;
    }

    /** The problem without the position, e.g. "expected a number after 'between', found 'and'". */
    public String problem() {
        return problem;
    }
}

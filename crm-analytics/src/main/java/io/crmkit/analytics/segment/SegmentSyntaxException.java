package io.crmkit.analytics.segment;

/**
 * Bad segment text: a syntax error, or a name or value that does not fit the frame. Carries the
 * 1-based column where the problem starts and what was expected there.
 *
 * <p>The message quotes at most 20 characters of the offending token, with control characters
 * replaced. Immutable and thread-safe.
 */
public final class SegmentSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    public SegmentSyntaxException(int position, String problem) {
        super("segment text: column " + position + ": " + problem);
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

package io.crmkit.core.opportunity;

import io.crmkit.core.check.Check;

/**
 * One stage of a pipeline: a code, a name, the default win probability (0-100) and whether it is
 * open or closes the opportunity as won or lost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code stage code, 1-32 upper-case letters, digits or '_'
 * @param name display name
 * @param probability default win probability in percent, 0 to 100
 * @param outcome open, won or lost
 */
public record Stage(String code, String name, int probability, StageOutcome outcome) {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern STAGE_CODE = java.util.regex.Pattern.compile("[A-Z0-9_]{1,32}");

    public Stage {
        Check.that(code != null && STAGE_CODE.matcher(code).matches(), "code", "StageCode",
                "must be 1-32 upper-case letters, digits or '_'");
        name = Check.notBlank(name, "name", Check.MAX_SHORT);
        Check.range(probability, 0, 100, "probability");
        Check.notNull(outcome, "outcome");
        Check.that(outcome != StageOutcome.WON || probability == 100, "probability", "WonIs100",
                "must be 100 for a won stage");
        Check.that(outcome != StageOutcome.LOST || probability == 0, "probability", "LostIs0", "must be 0 for a lost stage");
    }

    public static Stage open(String code, String name, int probability) {
        return new Stage(code, name, probability, StageOutcome.OPEN);
    }

    public static Stage won(String code, String name) {
        return new Stage(code, name, 100, StageOutcome.WON);
    }

    public static Stage lost(String code, String name) {
        return new Stage(code, name, 0, StageOutcome.LOST);
    }
}

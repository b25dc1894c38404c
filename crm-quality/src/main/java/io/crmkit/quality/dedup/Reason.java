package io.crmkit.quality.dedup;

import java.util.Locale;

/**
 * One step of a pair's score waterfall: the field, how it compared, its weight and the running total.
 *
 * <p>Immutable and thread-safe. Carries no personal data.
 *
 * @param field the field
 * @param level how the two records compare on it
 * @param weight log2(m/u) for that level, in bits
 * @param total the score after this step
 */
public record Reason(MatchField field, MatchLevel level, double weight, double total) {
    /** For example {@code "name agrees +7.3 = 7.3"}. */
    public String text() {
        String f = field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String l = switch (level) {
            case AGREE -> "agrees";
            case CLOSE -> field == MatchField.BIRTH_DATE ? "has day and month swapped" : "is close";
            case DISAGREE -> "differs";
            case MISSING -> "is missing";
        };
        return String.format(Locale.ROOT, "%s %s %+.1f = %.1f", f, l, weight, total);
    }
}

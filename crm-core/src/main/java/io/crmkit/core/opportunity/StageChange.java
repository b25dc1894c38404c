package io.crmkit.core.opportunity;

import io.crmkit.core.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One move of an opportunity between stages, with the probability after the move, when and by
 * whom, and an optional reason (required when lost).
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the previous stage code, {@code null} for the opening entry
 * @param to the new stage code
 * @param probability win probability after the move, 0-100
 * @param at when
 * @param by the actor id
 * @param reason why, or {@code null}
 */
public record StageChange(@Nullable String from, String to, int probability, Instant at, String by, @Nullable String reason) {
    public StageChange {
        Check.notBlank(to, "to", 32);
        Check.range(probability, 0, 100, "probability");
        Check.notNull(at, "at");
        Check.notBlank(by, "by", 64);
        reason = Check.optionalText(reason, "reason", Check.MAX_SHORT);
    }

    /** Codes and ids only: the reason is free text. */
    @Override
    public String toString() {
        return "StageChange[from=" + from + ", to=" + to + ", probability=" + probability + ", at=" + at + ", by=" + by
                + ", ***]";
    }
}

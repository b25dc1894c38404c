package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import java.time.Instant;
import java.util.List;

/**
 * What one run of the SLA monitor did at {@code now}: how many due cases it looked at and every
 * threshold it announced, in order of case due time, then case id, then percent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param now the instant the run was for
 * @param casesChecked due cases examined
 * @param escalations thresholds reached and who was told
 */
public record SlaTick(Instant now, int casesChecked, List<SlaEscalation> escalations) {
    public SlaTick {
        Check.notNull(now, "now");
        escalations = List.copyOf(Check.list(escalations, "escalations"));
    }

    /** How many breaches the run announced. */
    public long breaches() {
        return escalations.stream().filter(SlaEscalation::breach).count();
    }

    /** How many warnings (thresholds under 100%) the run announced. */
    public long warnings() {
        return escalations.stream().filter(e -> !e.breach()).count();
    }
}

package io.crmkit.core.approval;

import io.crmkit.core.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One checker's approval of a request.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the reason.
 *
 * @param checker the approving actor's id
 * @param at when
 * @param reason the checker's note, or {@code null}
 */
public record Approval(String checker, Instant at, @Nullable String reason) {
    public Approval {
        Check.notBlank(checker, "approval.checker", 64);
        Check.notNull(at, "approval.at");
        reason = Check.optionalText(reason, "approval.reason", 1_000);
    }

    @Override
    public String toString() {
        return "Approval[checker=" + checker + ", at=" + at + "]";
    }
}

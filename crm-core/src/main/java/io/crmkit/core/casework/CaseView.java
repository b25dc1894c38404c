package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A case with its SLA standing at a given instant, as the 360 view and the "breaches next" list
 * show it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serviceCase the case
 * @param sla its SLA standing
 * @param breachAt when its first running timer breaches if nothing changes, or {@code null}
 */
public record CaseView(ServiceCase serviceCase, SlaState sla, @Nullable Instant breachAt) {
    public CaseView {
        Check.notNull(serviceCase, "serviceCase");
        Check.notNull(sla, "sla");
    }
}

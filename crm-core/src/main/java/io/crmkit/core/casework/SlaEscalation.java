package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.TaskId;
import org.jspecify.annotations.Nullable;

/**
 * One threshold an SLA tick found reached: which case and timer, the percent, whether it is the
 * breach, the level notified, who got the task (nobody when the org model has nobody to tell) and
 * the task.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param customerId its customer
 * @param timer the timer's name
 * @param percent the threshold's percent
 * @param breach whether it is 100% or more
 * @param level the level the threshold asks for
 * @param notified the staff member given the task, or {@code null}
 * @param task the task raised, or {@code null}
 */
public record SlaEscalation(CaseId caseId, CustomerId customerId, String timer, int percent, boolean breach,
        EscalationLevel level, @Nullable StaffId notified, @Nullable TaskId task) {
    public SlaEscalation {
        Check.notNull(caseId, "caseId");
        Check.notNull(customerId, "customerId");
        Check.notNull(timer, "timer");
        Check.notNull(level, "level");
    }
}

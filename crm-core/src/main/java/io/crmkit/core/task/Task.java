package io.crmkit.core.task;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A piece of work assigned to a staff member (任务): title, description, due time, reminder time,
 * priority, status, and the customer and opportunity it concerns.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits title and description.
 *
 * @param id the task id
 * @param title a short title
 * @param description details up to 10,000 characters, or {@code null}
 * @param assignee who must do it
 * @param dueAt when it is due, or {@code null}
 * @param remindAt when to remind the assignee, or {@code null}; not after {@code dueAt}
 * @param priority urgency
 * @param status where it stands
 * @param customerId the customer it concerns, or {@code null}
 * @param opportunityId the opportunity it concerns, or {@code null}
 * @param completedAt when it was done or cancelled, or {@code null}
 * @param meta version and bookkeeping
 */
public record Task(TaskId id, String title, @Nullable String description, StaffId assignee, @Nullable Instant dueAt,
        @Nullable Instant remindAt, TaskPriority priority, TaskStatus status, @Nullable CustomerId customerId,
        @Nullable OpportunityId opportunityId, @Nullable Instant completedAt, Meta meta)
        implements Aggregate<TaskId, Task> {
    public Task {
        Check.Violations v = Check.collect();
        v.notNull(id, "id");
        v.notBlank(title, "title", Check.MAX_SHORT);
        v.optionalText(description, "description", Check.MAX_TEXT);
        v.notNull(assignee, "assignee");
        v.that(remindAt == null || dueAt == null || !remindAt.isAfter(dueAt), "remindAt", "NotAfterDue",
                "must not be after dueAt");
        v.notNull(priority, "priority");
        if (v.notNull(status, "status")) {
            v.that(status.isOpen() == (completedAt == null), "completedAt", "SetWhenFinal",
                    "must be set exactly when the task is done or cancelled");
        }
        v.notNull(meta, "meta");
        v.throwIfAny();
    }

    public Task withStatus(TaskStatus value, @Nullable Instant completed) {
        return new Task(id, title, description, assignee, dueAt, remindAt, priority, value, customerId, opportunityId,
                completed, meta);
    }

    public Task withAssignee(StaffId value) {
        return new Task(id, title, description, value, dueAt, remindAt, priority, status,
                customerId, opportunityId, completedAt, meta);
    }

    public Task withDue(@Nullable Instant due, @Nullable Instant remind) {
        return new Task(id, title, description, assignee, due, remind, priority, status, customerId, opportunityId,
                completedAt, meta);
    }

    @Override
    public Task withMeta(Meta value) {
        return new Task(id, title, description, assignee, dueAt, remindAt, priority, status, customerId, opportunityId,
                completedAt, value);
    }

    @Override
    public String toString() {
        return "Task[id=" + id + ", assignee=" + assignee + ", dueAt=" + dueAt + ", priority=" + priority + ", status="
                + status + ", customerId=" + customerId + ", version=" + meta.version() + "]";
    }
}

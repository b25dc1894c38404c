package io.crmkit.core.task;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.org.StaffId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The input to assign a task.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits title and description.
 *
 * @param title a short title
 * @param description details, or {@code null}
 * @param assignee who must do it
 * @param dueAt when due, or {@code null}
 * @param remindAt when to remind, not after {@code dueAt}, or {@code null}
 * @param priority urgency
 * @param customerId the customer concerned, or {@code null}
 * @param opportunityId the opportunity concerned, or {@code null}
 */
public record NewTask(@NotBlank @Size(max = 200) String title, @Size(max = Check.MAX_TEXT) @Nullable String description,
        @NotNull StaffId assignee, @Nullable Instant dueAt, @Nullable Instant remindAt, @NotNull TaskPriority priority,
        @Nullable CustomerId customerId, @Nullable OpportunityId opportunityId) {

    public static NewTask of(String title, StaffId assignee, @Nullable Instant dueAt) {
        return new NewTask(title, null, assignee, dueAt, null, TaskPriority.NORMAL, null, null);
    }

    public NewTask about(@Nullable CustomerId customer) {
        return new NewTask(title, description, assignee, dueAt, remindAt, priority, customer, opportunityId);
    }

    public NewTask aboutOpportunity(@Nullable OpportunityId opportunity) {
        return new NewTask(title, description, assignee, dueAt, remindAt, priority, customerId, opportunity);
    }

    public NewTask priority(TaskPriority value) {
        return new NewTask(title, description, assignee, dueAt, remindAt, value, customerId, opportunityId);
    }

    public NewTask remindAt(@Nullable Instant value) {
        return new NewTask(title, description, assignee, dueAt, value, priority, customerId, opportunityId);
    }

    public NewTask description(@Nullable String value) {
        return new NewTask(title, value, assignee, dueAt, remindAt, priority, customerId, opportunityId);
    }

    @Override
    public String toString() {
        return "NewTask[assignee=" + assignee + ", dueAt=" + dueAt + ", priority=" + priority + ", customerId=" + customerId + "]";
    }
}

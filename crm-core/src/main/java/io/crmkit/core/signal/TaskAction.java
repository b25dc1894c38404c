package io.crmkit.core.signal;

import io.crmkit.core.check.Check;
import io.crmkit.core.task.TaskPriority;
import java.time.Duration;

/**
 * The task a rule gives the customer's relationship manager when it fires: a title (no personal
 * data: it is the same for every customer), a priority and how long after the event it is due.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the task's title, 1 to 200 characters
 * @param priority its priority
 * @param dueIn the time from the triggering event to the due time, 0 to 366 days
 */
public record TaskAction(String title, TaskPriority priority, Duration dueIn) {
    public TaskAction {
        title = Check.notBlank(title, "task.title", Check.MAX_SHORT);
        Check.notNull(priority, "task.priority");
        Check.notNull(dueIn, "task.dueIn");
        Check.that(!dueIn.isNegative() && dueIn.compareTo(Duration.ofDays(366)) <= 0, "task.dueIn", "Range",
                "must be between 0 and 366 days");
    }

    public static TaskAction of(String title, TaskPriority priority, Duration dueIn) {
        return new TaskAction(title, priority, dueIn);
    }
}

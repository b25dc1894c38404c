package io.crmkit.core;

import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.Reminder;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Work management (任务管理): assign tasks, move them along, and list a staff member's reminders for
 * a day (今日提醒).
 *
 * <p>Thread-safe.
 */
public interface TaskService {
    Task assign(NewTask task);

    Task start(TaskId id);

    Task complete(TaskId id);

    Task cancel(TaskId id);

    Task reassign(TaskId id, StaffId assignee);

    Task reschedule(TaskId id, @Nullable Instant dueAt, @Nullable Instant remindAt);

    Task get(TaskId id);

    /** The staff member's open tasks by due time. */
    List<Task> openTasks(StaffId assignee);

    /**
     * The staff member's reminders for {@code day} in the Crm's business time zone: tasks due or
     * overdue, task reminders falling that day, birthdays of owned customers, accounts of owned
     * customers maturing within the look-ahead window, and owned customers tagged {@code at-risk}.
     * Ordered by kind, then date, then id.
     */
    List<Reminder> reminders(StaffId staff, LocalDate day);

    /** {@link #reminders} for today by the Crm's clock. */
    List<Reminder> todaysReminders(StaffId staff);
}

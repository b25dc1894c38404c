package io.crmkit.core.task;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry on a staff member's reminders for a day: what kind, the date it concerns, and the
 * customer, task or account it points at. Display text is for the host's screen to build from
 * these ids; the reminder carries no personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind why it is listed
 * @param date the date it concerns (due date, birthday, maturity)
 * @param customerId the customer, or {@code null}
 * @param taskId the task, or {@code null}
 * @param accountId the account, or {@code null}
 */
public record Reminder(ReminderKind kind, LocalDate date, @Nullable CustomerId customerId, @Nullable TaskId taskId,
        @Nullable AccountId accountId) {
    public Reminder {
        Check.notNull(kind, "kind");
        Check.notNull(date, "date");
    }
}

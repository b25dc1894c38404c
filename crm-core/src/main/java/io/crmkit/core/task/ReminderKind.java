package io.crmkit.core.task;

/** Why something is on today's reminder list (今日提醒). */
public enum ReminderKind {
    /** An open task due today. */
    TASK_DUE,
    /** An open task due before today and not done. */
    TASK_OVERDUE,
    /** An open task whose reminder time falls today. */
    TASK_REMINDER,
    /** An owned customer's birthday (individuals). */
    BIRTHDAY,
    /** A linked account of an owned customer matures within the look-ahead window. */
    MATURITY,
    /** An owned customer is tagged {@code at-risk} (by a churn score or by hand). */
    AT_RISK
}

package io.crmkit.core.interaction;

/** How an interaction ended. */
public enum Outcome {
    COMPLETED,
    NO_ANSWER,
    LEFT_MESSAGE,
    FOLLOW_UP_REQUIRED,
    RESOLVED,
    ESCALATED,
    DECLINED,
    COMPLAINT
}

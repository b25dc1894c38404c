package io.crmkit.core.task;

/** Where a task stands. OPEN and IN_PROGRESS are "open"; DONE and CANCELLED are final. */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}

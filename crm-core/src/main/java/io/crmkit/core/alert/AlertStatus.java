package io.crmkit.core.alert;

/**
 * Where an alert stands: raised ({@code OPEN}), seen by its owner ({@code ACKNOWLEDGED}), or dealt
 * with ({@code RESOLVED}, final). Open and acknowledged alerts are both still open.
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    /** Whether the alert still needs work: OPEN or ACKNOWLEDGED. */
    public boolean isOpen() {
        return this != RESOLVED;
    }
}

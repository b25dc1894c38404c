package io.crmkit.core.casework;

/**
 * A case's SLA standing as the 360 view shows it, worst first: {@code BREACHED} (a timer passed its
 * target), {@code WARNING} (a timer passed a warning threshold), {@code ON_TRACK} (timers running
 * within their thresholds), {@code PAUSED} (every unfinished timer is paused), {@code MET} (every
 * timer stopped in time), {@code NONE} (no SLA applies).
 */
public enum SlaState {
    BREACHED,
    WARNING,
    ON_TRACK,
    PAUSED,
    MET,
    NONE
}

package io.crmkit.core.casework;

/** How urgent a case is, least urgent first. */
public enum CasePriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}

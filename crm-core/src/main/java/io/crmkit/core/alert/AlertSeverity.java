package io.crmkit.core.alert;

/** How urgent an alert is, least urgent first (the declaration order is the severity order). */
public enum AlertSeverity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}

package io.crmkit.core.casework;

/**
 * What an SLA timer measures, and so what stops it: {@code FIRST_RESPONSE} stops when the case
 * first leaves {@link CaseStatus#NEW} (someone took it up or answered); {@code RESOLUTION} stops
 * when it is resolved, and runs on again if it is reopened. Every timer stops when the case is
 * closed or cancelled.
 */
public enum SlaMetric {
    FIRST_RESPONSE,
    RESOLUTION
}

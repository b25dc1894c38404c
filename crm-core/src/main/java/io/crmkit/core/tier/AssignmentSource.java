package io.crmkit.core.tier;

/** Whether a tier was set by a rule (a tier policy run) or by hand (an override). */
public enum AssignmentSource {
    RULE,
    MANUAL
}

package io.crmkit.core.consent;

/** The checks of the contact policy; a purpose can be exempt from some of them ({@link ContactRules}). */
public enum PolicyCheck {
    DO_NOT_CONTACT,
    CONSENT,
    FREQUENCY_CAP,
    QUIET_HOURS
}

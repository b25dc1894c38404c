package io.crmkit.core.interaction;

/** The channel an interaction took place on. */
public enum Channel {
    PHONE,
    EMAIL,
    MEETING,
    BRANCH_VISIT,
    CALL_CENTRE,
    WEB,
    APP,
    SMS,
    CHAT,
    LETTER
}

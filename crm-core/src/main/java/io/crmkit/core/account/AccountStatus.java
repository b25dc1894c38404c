package io.crmkit.core.account;

/** The account's status as reported by the host system. */
public enum AccountStatus {
    OPEN,
    DORMANT,
    FROZEN,
    CLOSED
}

package io.crmkit.core.account;

/** The customer's role on a linked account. */
public enum AccountRole {
    OWNER,
    JOINT,
    AUTHORISED
}

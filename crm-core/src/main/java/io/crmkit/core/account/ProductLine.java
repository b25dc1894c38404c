package io.crmkit.core.account;

/** The host system's product line an account belongs to. */
public enum ProductLine {
    BROKERAGE,
    DEPOSIT,
    LOAN,
    CARD,
    FUND,
    INSURANCE_POLICY,
    WEALTH_MANAGEMENT
}

package io.crmkit.core.account;

/** The asset class of a holding, for asset-mix analysis. */
public enum AssetClass {
    EQUITY,
    FIXED_INCOME,
    FUND,
    MONEY_MARKET,
    CASH,
    DERIVATIVE,
    STRUCTURED,
    INSURANCE,
    OTHER
}

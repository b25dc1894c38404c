package io.crmkit.core.customer;

/**
 * The customer's assessed risk tolerance (suitability), from the KYC questionnaire. The five
 * levels match the C1–C5 investor classes used by Chinese brokers and the usual
 * conservative-to-aggressive scale elsewhere.
 */
public enum RiskTolerance {
    CONSERVATIVE,
    CAUTIOUS,
    BALANCED,
    GROWTH,
    AGGRESSIVE
}

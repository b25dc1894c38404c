package io.crmkit.core.opportunity;

/** Where an opportunity came from. */
public enum OpportunitySource {
    CAMPAIGN,
    REFERRAL,
    LEAD_ENGINE,
    CROSS_SELL,
    INBOUND,
    RELATIONSHIP_MANAGER,
    OTHER
}

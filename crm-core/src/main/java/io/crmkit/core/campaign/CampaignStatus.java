package io.crmkit.core.campaign;

/** Where a campaign is: defined, launched (membership frozen, contacts decided), closed. */
public enum CampaignStatus {
    DRAFT,
    LAUNCHED,
    CLOSED
}

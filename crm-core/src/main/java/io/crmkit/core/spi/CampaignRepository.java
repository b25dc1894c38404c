package io.crmkit.core.spi;

import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;

/** Campaigns. CRUD and optimistic versions as for every {@link Repository}; no natural key besides the id. */
public interface CampaignRepository extends Repository<Campaign, CampaignId> {}

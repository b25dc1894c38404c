package io.crmkit.core.memory;

import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.spi.CampaignRepository;

/** Campaigns by id; no secondary index. */
final class MemoryCampaigns extends MemoryTable<Campaign, CampaignId> implements CampaignRepository {
    MemoryCampaigns(InMemoryCrmStore store) {
        super(store, "Campaign");
    }

    @Override void index(Campaign row) {}

    @Override void unindex(Campaign row) {}
}

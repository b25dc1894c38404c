package io.crmkit.jpa.internal;

import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.spi.CampaignRepository;

/** Campaigns on JPA. Thread-safe. */
final class JpaCampaigns extends JpaRepository<Campaign, CampaignId, CampaignEntity> implements CampaignRepository {
    JpaCampaigns(Transactions tx, StoreSettings settings) {
        super(tx, settings, CampaignEntity.class, Campaign.class, "Campaign");
    }

    @Override String key(CampaignId id) { return id.value(); }

    @Override CampaignEntity newEntity() { return new CampaignEntity(); }

    @Override void copyColumns(Campaign c, CampaignEntity e) { e.status = c.status().name(); }
}

package io.crmkit.core.spi;

import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Campaign memberships, written at launch. CRUD and optimistic versions as for every
 * {@link Repository}; one customer appears at most once per campaign (the service ensures it).
 */
public interface CampaignMemberRepository extends Repository<CampaignMember, CampaignMemberId> {
    /**
     * Every member of the campaign, in id order, read lazily; the caller closes the stream.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    Stream<CampaignMember> findByCampaign(CampaignId campaignId);

    /**
     * Every membership of the customer, any campaign, in id order.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<CampaignMember> findByCustomer(CustomerId customerId);
}

package io.crmkit.core.memory;

import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CampaignMemberRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Campaign members indexed by campaign and by customer. */
final class MemoryCampaignMembers extends MemoryTable<CampaignMember, CampaignMemberId> implements CampaignMemberRepository {
    private final Map<CampaignId, TreeSet<CampaignMemberId>> byCampaign = new HashMap<>();
    private final Map<CustomerId, TreeSet<CampaignMemberId>> byCustomer = new HashMap<>();

    MemoryCampaignMembers(InMemoryCrmStore store) {
        super(store, "CampaignMember");
    }

    @Override
    void index(CampaignMember m) {
        add(byCampaign, m.campaignId(), m.id());
        add(byCustomer, m.customerId(), m.id());
    }

    @Override
    void unindex(CampaignMember m) {
        remove(byCampaign, m.campaignId(), m.id());
        remove(byCustomer, m.customerId(), m.id());
    }

    @Override
    public Stream<CampaignMember> findByCampaign(CampaignId campaignId) {
        Check.notNull(campaignId, "campaignId");
        return store.read(() -> byCampaign.getOrDefault(campaignId, new TreeSet<>()).stream().map(rows::get).toList()).stream();
    }

    @Override
    public List<CampaignMember> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                m -> customerId.equals(m.customerId()));
    }
}

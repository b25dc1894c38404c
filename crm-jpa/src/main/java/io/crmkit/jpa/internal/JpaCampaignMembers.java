package io.crmkit.jpa.internal;

import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CampaignMemberRepository;
import java.util.List;
import java.util.stream.Stream;

/** Campaign members on JPA: one index by campaign, one by customer. Thread-safe. */
final class JpaCampaignMembers extends JpaRepository<CampaignMember, CampaignMemberId, CampaignMemberEntity>
        implements CampaignMemberRepository {
    JpaCampaignMembers(Transactions tx, StoreSettings settings) {
        super(tx, settings, CampaignMemberEntity.class, CampaignMember.class, "CampaignMember");
    }

    @Override String key(CampaignMemberId id) { return id.value(); }

    @Override CampaignMemberEntity newEntity() { return new CampaignMemberEntity(); }

    @Override
    void copyColumns(CampaignMember m, CampaignMemberEntity e) {
        e.campaignId = m.campaignId().value();
        e.customerId = m.customerId().value();
    }

    @Override
    public Stream<CampaignMember> findByCampaign(CampaignId campaignId) {
        Check.notNull(campaignId, "campaignId");
        return tx.stream(em -> Jpql.from("CampaignMember").and("e.campaignId = :c", "c", campaignId.value())
                .stream(em, "e.id", settings.fetchSize()).map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }

    @Override
    public List<CampaignMember> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("CampaignMember").and("e.customerId = :c", "c", customerId.value()).list(em, "e.id", 0)));
    }
}

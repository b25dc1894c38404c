package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A CampaignMember row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "CampaignMember")
@Table(name = "crm_campaign_member")
class CampaignMemberEntity extends AggregateEntity {
    @Column(name = "campaign_id", length = 64, nullable = false)
    String campaignId;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;
}

package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A Campaign row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "Campaign")
@Table(name = "crm_campaign")
class CampaignEntity extends AggregateEntity {
    @Column(name = "status", length = 32, nullable = false)
    String status;
}

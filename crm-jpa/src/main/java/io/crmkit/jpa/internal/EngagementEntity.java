package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A Engagement row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "Engagement")
@Table(name = "crm_engagement")
class EngagementEntity extends AggregateEntity {
    @Column(name = "source_id", length = 80, nullable = false)
    String sourceId;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;
}

package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An opportunity in a pipeline.
 */
@Entity(name = "Opportunity")
@Table(name = "crm_opportunity")
class OpportunityEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "pipeline_id", length = 64, nullable = false)
    String pipelineId;

    @Column(name = "stage", length = 64, nullable = false)
    String stage;

    @Column(name = "status", length = 32, nullable = false)
    String status;

    @Column(name = "owner_id", length = 64, nullable = false)
    String ownerId;
}

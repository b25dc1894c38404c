package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A pipeline with its ordered stages (reference data).
 */
@Entity(name = "Pipeline")
@Table(name = "crm_pipeline")
class PipelineEntity extends AggregateEntity {
    @Column(name = "name", length = 200, nullable = false)
    String name;
}

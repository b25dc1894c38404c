package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tier definition (reference data), replaced by code. */
@Entity(name = "TierDefinition")
@Table(name = "crm_tier_definition")
class TierDefinitionEntity {
    @Id
    @Column(name = "code", length = 64, nullable = false)
    String code;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    @Column(name = "tier_rank", nullable = false)
    int rank;
}

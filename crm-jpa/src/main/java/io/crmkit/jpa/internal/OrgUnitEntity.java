package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A unit of the organisation tree.
 */
@Entity(name = "OrgUnit")
@Table(name = "crm_org_unit")
class OrgUnitEntity extends AggregateEntity {
    @Column(name = "parent_id", length = 64)
    String parentId;
}

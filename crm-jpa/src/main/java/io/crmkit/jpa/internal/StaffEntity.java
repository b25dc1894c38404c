package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A staff member.
 */
@Entity(name = "Staff")
@Table(name = "crm_staff")
class StaffEntity extends AggregateEntity {
    @Column(name = "unit_id", length = 64, nullable = false)
    String unitId;
}

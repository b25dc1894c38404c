package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A relationship between two customers.
 */
@Entity(name = "Relationship")
@Table(name = "crm_relationship")
class RelationshipEntity extends AggregateEntity {
    @Column(name = "from_customer_id", length = 64, nullable = false)
    String fromId;

    @Column(name = "to_customer_id", length = 64, nullable = false)
    String toId;
}

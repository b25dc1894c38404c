package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A contact person of an institutional customer.
 */
@Entity(name = "Contact")
@Table(name = "crm_contact")
class ContactEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "is_primary", nullable = false)
    boolean primary;
}

package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A consent record; (customer, contact point kind, purpose) is unique. */
@Entity(name = "Consent")
@Table(name = "crm_consent")
class ConsentEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "point", length = 16, nullable = false)
    String point;

    @Column(name = "purpose", length = 32, nullable = false)
    String purpose;
}

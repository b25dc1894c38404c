package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A host account linked to a customer.
 */
@Entity(name = "LinkedAccount")
@Table(name = "crm_account")
class AccountEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "host_system", length = 64, nullable = false)
    String hostSystem;

    @Column(name = "external_id", length = 128, nullable = false)
    String externalId;
}

package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entry of the contact log; the customer's entries are read by time, carried-out ones for the caps. */
@Entity(name = "ContactAttempt")
@Table(name = "crm_contact_log")
class ContactAttemptEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "contact_at", nullable = false)
    Instant at;

    @Column(name = "outcome", length = 16, nullable = false)
    String outcome;
}

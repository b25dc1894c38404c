package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One entry of a customer's timeline. {@code occurredAt} is stored as a timestamp truncated to
 * microseconds (for people and range scans) plus its full nano-of-second, so ordering and keyset
 * paging are exact to the nanosecond on every database.
 */
@Entity(name = "Interaction")
@Table(name = "crm_interaction")
class InteractionEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "occurred_nano", nullable = false)
    int occurredNano;

    @Column(name = "channel", length = 32, nullable = false)
    String channel;

    @Column(name = "ext_system", length = 64)
    String extSystem;

    @Column(name = "ext_id", length = 128)
    String extId;
}

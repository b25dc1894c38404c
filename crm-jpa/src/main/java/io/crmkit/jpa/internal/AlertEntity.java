package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An alert; the raise time is stored like an interaction's occurredAt (microseconds plus the
 * nano-of-second) so the owner's open list orders exactly.
 */
@Entity(name = "Alert")
@Table(name = "crm_alert")
class AlertEntity extends AggregateEntity {
    @Column(name = "owner_id", length = 64)
    String ownerId;

    @Column(name = "status", length = 32, nullable = false)
    String status;

    @Column(name = "raised_at", nullable = false)
    Instant raisedAt;

    @Column(name = "raised_nano", nullable = false)
    int raisedNano;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;
}

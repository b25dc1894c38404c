package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An erasure record (schedule or certificate); the customer and, for the scheduled job, the status
 * and due time are copied out of the document. Not thread-safe: belongs to one persistence context.
 */
@Entity(name = "Erasure")
@Table(name = "crm_erasure")
class ErasureEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;
}

package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A service case; the three instants the SLA monitor and the reports order by (next due
 * threshold, next breach, survey answer) are copied out of the document and indexed with the id.
 * Due instants are rounded up to the microsecond by the library, so they store exactly.
 */
@Entity(name = "ServiceCase")
@Table(name = "crm_case")
class CaseEntity extends AggregateEntity {
    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "status", length = 32, nullable = false)
    String status;

    @Column(name = "next_due_at")
    Instant nextDueAt;

    @Column(name = "breach_at")
    Instant breachAt;

    @Column(name = "responded_at")
    Instant respondedAt;
}

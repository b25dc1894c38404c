package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A task assigned to a staff member; the due time is stored like an interaction's occurredAt.
 */
@Entity(name = "Task")
@Table(name = "crm_task")
class TaskEntity extends AggregateEntity {
    @Column(name = "assignee_id", length = 64, nullable = false)
    String assigneeId;

    @Column(name = "status", length = 32, nullable = false)
    String status;

    @Column(name = "due_at")
    Instant dueAt;

    @Column(name = "due_nano")
    Integer dueNano;

    @Column(name = "customer_id", length = 64)
    String customerId;
}

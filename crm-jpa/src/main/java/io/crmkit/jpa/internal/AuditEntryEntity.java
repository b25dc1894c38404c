package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit entry: the queried columns copied out, the whole entry (diff, reason, hashes) as a
 * JSON document. Append-only; {@code (stream_type, stream_id, seq)} is unique, so two writers
 * extending one chain cannot both succeed. Not thread-safe: belongs to one persistence context.
 */
@Entity(name = "AuditEntry")
@Table(name = "crm_audit_entry")
class AuditEntryEntity {
    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    String id;

    @Column(name = "stream_type", length = 64, nullable = false)
    String streamType;

    @Column(name = "stream_id", length = 200, nullable = false)
    String streamId;

    @Column(name = "seq", nullable = false)
    long seq;

    @Column(name = "customer_id", length = 64)
    String customerId;

    @Column(name = "actor_id", length = 64, nullable = false)
    String actorId;

    @Column(name = "entry_at", nullable = false)
    Instant at;

    @Column(name = "doc", nullable = false)
    String doc;
}

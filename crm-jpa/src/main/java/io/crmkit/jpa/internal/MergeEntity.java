package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A merge record: the document, and its two customers and status as columns for the lookups. */
@Entity(name = "MergeRecord")
@Table(name = "crm_merge")
class MergeEntity extends AggregateEntity {
    @Column(name = "survivor_id", length = 64, nullable = false)
    String survivorId;

    @Column(name = "duplicate_id", length = 64, nullable = false)
    String duplicateId;

    @Column(name = "status", length = 16, nullable = false)
    String status;
}

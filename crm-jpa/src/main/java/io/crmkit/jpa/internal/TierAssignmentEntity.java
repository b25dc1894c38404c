package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One append-only entry of a customer's tier history. The id comes from a sequence with a pooled
 * optimiser (50 ids per round trip), so appends batch; it also records insertion order, which
 * breaks ties between entries with the same effective time.
 */
@Entity(name = "TierAssignment")
@Table(name = "crm_tier_assignment")
class TierAssignmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_tier_assignment_seq")
    @SequenceGenerator(name = "crm_tier_assignment_seq", sequenceName = "crm_tier_assignment_seq", allocationSize = 50)
    @Column(name = "id", nullable = false)
    long id;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "effective_from", nullable = false)
    Instant effectiveFrom;

    @Column(name = "effective_nano", nullable = false)
    int effectiveNano;

    @Column(name = "doc", nullable = false)
    String doc;
}

package io.crmkit.jpa.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An SLA policy: reference data, read whole; no column besides the document. */
@Entity(name = "SlaPolicy")
@Table(name = "crm_sla_policy")
class SlaPolicyEntity extends AggregateEntity {
}

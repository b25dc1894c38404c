package io.crmkit.jpa.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A customer's do-not-contact flags; the id is the customer's id. */
@Entity(name = "DoNotContact")
@Table(name = "crm_do_not_contact")
class DoNotContactEntity extends AggregateEntity {
}

package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import java.util.List;

/** Relationships between customers. */
public interface RelationshipRepository extends Repository<Relationship, RelationshipId> {
    /** Every relationship in which the customer is on either side, current or ended, by id. */
    List<Relationship> findByCustomer(CustomerId customerId);
}

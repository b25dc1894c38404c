package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import java.util.Collection;
import java.util.List;

/** Relationships between customers. */
public interface RelationshipRepository extends Repository<Relationship, RelationshipId> {
    /** Every relationship in which the customer is on either side, current or ended, by id. */
    List<Relationship> findByCustomer(CustomerId customerId);

    /**
     * Every relationship in which any of the customers is on either side, current or ended, each once,
     * by id: {@link #findByCustomer} for a batch of up to {@link Batch#MAX_IDS} customers. The default
     * asks once per customer; a store should answer with one query per batch.
     *
     * @throws io.crmkit.core.error.ValidationException if the batch is null, holds a null id or too many
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    default List<Relationship> findByCustomers(Collection<CustomerId> customerIds) {
        return Batch.perId(customerIds, "customerIds", this::findByCustomer, Relationship::id);
    }
}

package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import java.time.Instant;
import java.util.List;

/**
 * Erasure records: schedules and certificates. CRUD and optimistic versions as for every
 * {@link Repository}; no natural key besides the id.
 */
public interface ErasureRepository extends Repository<Erasure, ErasureId> {
    /**
     * Every erasure record of the customer, any status, by id.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Erasure> findByCustomer(CustomerId customerId);

    /**
     * The SCHEDULED records with {@code dueAt} at or before {@code now}, by {@code dueAt} then id, at
     * most {@code limit}.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code limit} unless it is 1 to 10,000
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Erasure> findDue(Instant now, int limit);
}

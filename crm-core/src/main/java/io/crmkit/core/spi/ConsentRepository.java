package io.crmkit.core.spi;

import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Consent records. CRUD and optimistic versions as for every {@link Repository}; the natural key is
 * (customer, contact point kind, purpose): at most one record each.
 */
public interface ConsentRepository extends Repository<ConsentRecord, ConsentId> {
    /** Most customers one {@link #findByCustomers} call takes. */
    int MAX_BATCH = 1_000;

    /**
     * The customer's record for the contact point kind and purpose. Inside a transaction it sees the
     * transaction's own writes.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    Optional<ConsentRecord> find(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose);

    /**
     * Every record of the customer, by id.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ConsentRecord> findByCustomer(CustomerId customerId);

    /**
     * Every record of the given customers (committed data), by customer then id.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code customerIds} with more than {@link #MAX_BATCH}
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ConsentRecord> findByCustomers(Collection<CustomerId> customerIds);
}

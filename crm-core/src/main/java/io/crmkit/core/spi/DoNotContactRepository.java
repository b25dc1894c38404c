package io.crmkit.core.spi;

import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.List;

/** Do-not-contact flags, one record per customer, keyed by the customer id. CRUD as for every {@link Repository}. */
public interface DoNotContactRepository extends Repository<DoNotContact, CustomerId> {
    /**
     * The records of the given customers that have one (committed data), by customer id.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code customerIds} with more than
     *     {@link ConsentRepository#MAX_BATCH}
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<DoNotContact> findByCustomers(Collection<CustomerId> customerIds);
}

package io.crmkit.core.spi;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import java.util.List;

/**
 * Alerts. CRUD and optimistic versions as for every {@link Repository}; an alert has no natural key
 * besides its id (the real-time engine makes the id itself idempotent).
 */
public interface AlertRepository extends Repository<Alert, AlertId> {
    /**
     * The owner's open alerts (OPEN or ACKNOWLEDGED), by {@code raisedAt}, then id, at most
     * {@code limit}. An alert that is resolved or given to another owner leaves the list at once.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code limit} unless it is 1 to 10,000
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Alert> findOpenByOwner(StaffId owner, int limit);

    /**
     * Every alert about the customer, any status, by id.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Alert> findByCustomer(CustomerId customerId);
}

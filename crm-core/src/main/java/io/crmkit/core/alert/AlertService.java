package io.crmkit.core.alert;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Alerts as staff work them, reached through {@code crm.as(actor).alerts()}: raise, list an owner's
 * open alerts, acknowledge, resolve. Every change names the version the caller read, so two staff
 * acting on the same alert cannot overwrite each other. Writes go through the Crm's interceptors
 * and transaction; reads and writes respect the access policy on the alert's customer.
 *
 * <p>Thread-safe.
 */
public interface AlertService {
    /**
     * Raises an alert, owned by {@code alert.owner()} or else the customer's relationship manager.
     * Idempotent on the id: if an alert with {@code alert.id()} exists, it is returned unchanged.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     * @throws io.crmkit.core.error.DuplicateKeyException if the id belongs to an alert about another customer
     */
    Alert raise(NewAlert alert);

    /**
     * Raises the alert unless one with its id exists, in which case nothing changes and the result is
     * empty: for feeds that must know whether a replayed decision was new (one read fewer than
     * checking first and then raising).
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     * @throws io.crmkit.core.error.DuplicateKeyException if the id belongs to an alert about another customer
     */
    java.util.Optional<Alert> raiseIfAbsent(NewAlert alert);

    /**
     * The alert.
     *
     * @throws io.crmkit.core.error.NotFoundException if it is absent or its customer hidden
     */
    Alert get(AlertId id);

    /** The owner's open (OPEN or ACKNOWLEDGED) alerts, oldest first, at most 10,000. */
    List<Alert> openAlerts(StaffId owner);

    /** Every alert about the customer, by id. */
    List<Alert> alertsFor(CustomerId customerId);

    /**
     * Marks an OPEN alert as seen by this actor.
     *
     * @throws io.crmkit.core.error.ConflictException if the alert's version is not {@code expectedVersion}
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if it is not OPEN
     */
    Alert acknowledge(AlertId id, long expectedVersion);

    /**
     * Resolves an open alert, with an optional note up to {@link Alert#MAX_RESOLUTION} characters.
     *
     * @throws io.crmkit.core.error.ConflictException if the alert's version is not {@code expectedVersion}
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if it is already RESOLVED
     */
    Alert resolve(AlertId id, long expectedVersion, @Nullable String resolution);
}

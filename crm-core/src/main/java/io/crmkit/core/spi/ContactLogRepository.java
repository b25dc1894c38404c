package io.crmkit.core.spi;

import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The contact log: entries are inserted once and not changed (stores need not optimise updates).
 * CRUD as for every {@link Repository}.
 */
public interface ContactLogRepository extends Repository<ContactAttempt, ContactAttemptId> {
    /** Most entries one query returns. */
    int MAX_ENTRIES = 10_000;

    /**
     * The customer's entries with {@code from <= at < to}, any outcome, by {@code at} then id, at most
     * {@link #MAX_ENTRIES} (the earliest). Inside a transaction it sees the transaction's own writes.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code to} if it is not after {@code from}
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ContactAttempt> findByCustomer(CustomerId customerId, Instant from, Instant to);

    /**
     * The carried-out entries of the given customers with {@code at >= from} (committed data), by
     * customer, then {@code at}, then id, at most {@link #MAX_ENTRIES} per customer.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code customerIds} with more than
     *     {@link ConsentRepository#MAX_BATCH}
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ContactAttempt> findCarriedOut(Collection<CustomerId> customerIds, Instant from);
}

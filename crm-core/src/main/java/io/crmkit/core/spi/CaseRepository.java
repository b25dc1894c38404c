package io.crmkit.core.spi;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * Service cases. CRUD and optimistic versions as for every {@link Repository}; besides the id,
 * three orderings are indexed so that the SLA monitor and the reports never scan every case:
 * {@link ServiceCase#nextDueAt()}, {@link ServiceCase#breachAt()} and the survey's
 * {@link ServiceCase#respondedAt()}. Instants compare to the microsecond; ties go by id.
 */
public interface CaseRepository extends Repository<ServiceCase, CaseId> {
    /**
     * The customer's cases, any status, by id.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ServiceCase> findByCustomer(CustomerId customerId);

    /**
     * Cases whose {@code nextDueAt} is at or before {@code dueBy}, earliest first, then by id, at
     * most {@code limit}. A case whose next threshold moves later, or that has none, leaves the
     * list at once.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code limit} unless it is 1 to 10,000
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ServiceCase> findDue(Instant dueBy, int limit);

    /**
     * Cases with a {@code breachAt}, earliest first, then by id, at most {@code limit}: which cases
     * breach next.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code limit} unless it is 1 to 10,000
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ServiceCase> findNextBreaches(int limit);

    /**
     * Cases whose survey was answered in {@code [from, to)}, by answer time, then id, at most
     * {@code limit}.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code limit} unless it is 1 to 100,000
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<ServiceCase> findRespondedBetween(Instant from, Instant to, int limit);
}

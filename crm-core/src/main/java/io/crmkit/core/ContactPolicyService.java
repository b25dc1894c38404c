package io.crmkit.core;

import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactPolicy;
import io.crmkit.core.consent.ContactReason;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.ContactRules;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The firm-wide contact policy, reached through {@code crm.as(actor).contactPolicy()}: decide, log
 * contacts (carried out or refused, with the reason; both audited), prepare snapshots for bulk
 * decisions, and read the contact log. Outbound interactions recorded through
 * {@code InteractionService} pass the same decision. Decisions are deterministic under the
 * {@code Crm}'s clock. Reads show only customers the actor sees.
 *
 * <p>Thread-safe.
 */
public interface ContactPolicyService {
    /** Most requests one {@link #attemptAll} call takes. */
    int MAX_BATCH = 1_000;
    /** Most customers one {@link #prepare} call takes. */
    int MAX_PREPARE = 10_000_000;

    /** The rules the {@code Crm} applies. */
    ContactRules rules();

    /**
     * The decision for {@code request}, without logging anything.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     * @throws io.crmkit.core.error.ValidationException on bad input or an instant before 1900 or more
     *     than a day ahead of the clock
     */
    ContactDecision decide(ContactRequest request);

    /**
     * Decides and logs: an allowed contact is logged as carried out (it counts towards the caps from
     * then on); a refused one is logged as refused with its reason (and for a deferral the earliest
     * allowed instant). Needs {@link io.crmkit.core.governance.Operation#CONTACT_RECORD}.
     *
     * @return the log entry
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     */
    ContactAttempt attempt(ContactRequest request);

    /**
     * {@link #attempt} for up to {@link #MAX_BATCH} requests in one transaction, decided in order
     * (each carried-out contact counts for the next requests of the same customer). Customers that
     * are absent or hidden are logged nowhere and answered as refused {@link ContactReason#UNKNOWN_CUSTOMER}
     * entries that are not stored.
     */
    List<ContactAttempt> attemptAll(List<ContactRequest> requests);

    /**
     * A snapshot of the policy for the given customers as of now, to decide for each without a
     * store round trip ({@link ContactPolicy#decide}); customers absent or hidden are left out (and
     * so denied). Reads the store once per customer and per chunk of
     * {@link io.crmkit.core.spi.ConsentRepository#MAX_BATCH} customers.
     *
     * @throws io.crmkit.core.error.ValidationException with more than {@link #MAX_PREPARE} customers
     */
    ContactPolicy prepare(Collection<CustomerId> customers);

    /**
     * The customer's contact log with {@code from <= at < to}, by time (at most
     * {@link io.crmkit.core.spi.ContactLogRepository#MAX_ENTRIES}).
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     */
    List<ContactAttempt> contactLog(CustomerId customerId, Instant from, Instant to);
}

package io.crmkit.core;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.RetentionHold;
import java.util.List;

/**
 * Erasure (right to be forgotten): anonymises one customer everywhere the library keeps data,
 * after a second person's approval, unless a retention rule refuses or defers it.
 *
 * <p>What is erased: the customer's names (replaced by {@code [erased]}), identifiers (and with them
 * the identifier index, so a lookup by the old ID number finds nothing), birth date, contact
 * points, extension fields, city and occupation; the names, titles, departments, salutations and
 * contact points of its contacts; interactions' subjects, notes and non-staff participants; tasks'
 * titles and descriptions; opportunities' names, lost reasons and stage-change reasons; alerts'
 * reasons and resolutions; lifecycle reasons; the arguments and reasons of its maker-checker
 * requests (open ones are rejected); and every audit value of every aggregate of the customer that
 * is not a code or an amount. Dates that stay (lifecycle changes, interactions, relationships) are
 * coarsened to the first of their month.
 *
 * <p>What stays, for the books and for statistics: the customer id (a tombstone record), type,
 * lifecycle stage, owner, branch, tier and tier history, tags, region, industry, income band, risk
 * tolerance and KYC level; accounts with their host keys, balances and holdings; the number of
 * contacts, interactions (with channel, direction and outcome), tasks, opportunities (with amount,
 * stage and status) and alerts; the audit entries themselves (who, when, which operation, which
 * fields), whose hash chains still verify.
 *
 * <p>Thread-safe.
 */
public interface ErasureService {
    /**
     * Requests the erasure of {@code customerId}. Always waits for approval: the call throws
     * {@link io.crmkit.core.approval.ApprovalRequiredException} with the pending request's id, and a
     * checker's {@code approvals().approve(...)} applies it — at once, or, if a retention rule holds
     * the records until a known date, as a {@link io.crmkit.core.erasure.ErasureStatus#SCHEDULED}
     * erasure that {@link #runDue()} applies from that date. Returns the erasure record when run
     * as the application of an approved request.
     *
     * @param reason why (for example "data subject request 2026-118"); kept in the request until the
     *     erasure runs, then erased with everything else; 1-200 characters
     * @throws io.crmkit.core.error.ValidationException on field {@code customerId} with rule
     *     {@code RetentionHold} naming the rule and date when a retention rule refuses (nothing is
     *     changed, no request is made), or {@code Erased} when the customer is already erased, {@code Scheduled} when an erasure is already scheduled
     * @throws io.crmkit.core.error.NotFoundException if the customer is not visible
     * @throws io.crmkit.core.error.AccessDeniedException without {@code customer.erase} on the customer
     */
    Erasure request(CustomerId customerId, String reason);

    /** The retention holds on the customer's records now (empty: nothing holds an erasure back). */
    List<RetentionHold> holds(CustomerId customerId);

    /** The customer's erasure records (schedules and certificates), by id. */
    List<Erasure> forCustomer(CustomerId customerId);

    /**
     * One erasure record.
     *
     * @throws io.crmkit.core.error.NotFoundException if there is none, or its customer is not visible
     */
    Erasure get(ErasureId id);

    /**
     * The scheduled-erasure job: applies every scheduled erasure due at the {@code Crm}'s clock
     * (up to 1,000 per call) whose holds have ended, and defers again those a hold still keeps
     * (an account reopened, a rule added). Returns how many were applied. Needs
     * {@code customer.erase} at depth ALL.
     */
    int runDue();
}

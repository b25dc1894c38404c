package io.crmkit.core;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.CaseLinks;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.CaseView;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.casework.Resolution;
import io.crmkit.core.casework.SatisfactionDimension;
import io.crmkit.core.casework.SatisfactionReport;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaPolicyId;
import io.crmkit.core.casework.SlaTick;
import io.crmkit.core.casework.SurveyOutcome;
import io.crmkit.core.casework.SurveyResponse;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Service cases (服务管理) as staff work them, reached through {@code crm.as(actor).cases()}: open a
 * request, complaint or enquiry; move it along its workflow ({@link CaseStatus}); resolve it with a
 * root cause; assign and link it; run its SLA timers (the firm's policies as data, over business
 * calendars with holidays and 调休 working days); escalate warnings and breaches up the org model;
 * survey the customer once the case is resolved and report CSAT and NPS.
 *
 * <p>Every write goes through the Crm's write pipeline (authorisation, interceptors, transaction,
 * maker-checker, audit, events after commit). Reads and writes respect the access policy on the
 * case's customer: a case of a hidden customer is reported absent, under the id asked for.
 * Instants come from the Crm's clock, except {@link #tick}, which is told what time it is.
 *
 * <p>Thread-safe.
 */
public interface CaseService {
    /**
     * Stores an SLA policy, replacing one with its id. Needs {@code sla.define}.
     *
     * @throws io.crmkit.core.error.AccessDeniedException without the grant
     */
    SlaPolicy definePolicy(SlaPolicyDefinition definition);

    /** Every SLA policy, by id. */
    List<SlaPolicy> policies();

    /**
     * Opens a case under the highest-ranked policy that applies (see
     * {@link SlaPolicyDefinition#appliesTo}), its timers started now. Without an owner the
     * customer's relationship manager owns it; without a team, the owner's unit.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer, or a linked record, is absent or hidden
     * @throws io.crmkit.core.error.ValidationException on field {@code links.*} if a linked record belongs to another customer
     */
    ServiceCase open(NewCase serviceCase);

    /**
     * The case.
     *
     * @throws io.crmkit.core.error.NotFoundException if it is absent or its customer hidden
     */
    ServiceCase get(CaseId id);

    /** Every case of the customer, by id, each with its SLA standing now. */
    List<CaseView> casesFor(CustomerId customerId);

    /**
     * Moves the case one step of its workflow (not to RESOLVED: use {@link #resolve}). Leaving NEW
     * stops the first-response timers; a status the policy pauses on pauses the timers; CLOSED and
     * CANCELLED stop every timer; reopening a RESOLVED case runs its resolution timers on.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if the workflow has no such step
     */
    ServiceCase moveTo(CaseId id, CaseStatus status);

    /**
     * Resolves the case with a root cause and notes; stops its resolution (and first-response) timers.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if it cannot be resolved from where it stands
     */
    ServiceCase resolve(CaseId id, Resolution resolution);

    /**
     * Gives the case to {@code owner}, in {@code team} (or the owner's unit when {@code null}).
     *
     * @throws io.crmkit.core.error.NotFoundException if the staff member or unit does not exist
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if the case is CLOSED or CANCELLED
     */
    ServiceCase assign(CaseId id, StaffId owner, @Nullable OrgUnitId team);

    /**
     * Adds links (each link given replaces the case's link of that kind); the same checks as {@link #open}.
     *
     * @throws io.crmkit.core.error.NotFoundException if a linked record is absent or hidden
     */
    ServiceCase link(CaseId id, CaseLinks links);

    /**
     * Puts the case under the current definition of {@code policyId}, for example after its
     * category changed or the firm revised a policy: each timer keeps the working time it has
     * accrued (by name), takes the new target, calendar and thresholds; timers the new policy adds
     * start now; timers it lacks are dropped. The old policy is settled first: thresholds the
     * case has reached under it and the monitor has not announced yet are announced now (tasks
     * and events as from {@link #tick}).
     *
     * @throws io.crmkit.core.error.NotFoundException if the policy does not exist
     */
    ServiceCase applyPolicy(CaseId id, SlaPolicyId policyId);

    /**
     * The SLA monitor: finds, through the store's due index, the cases whose next threshold is due
     * at {@code now}, announces every threshold their timers have reached (a task for the level
     * the threshold names — owner, team lead, branch manager — and an event), and schedules the
     * next. Deterministic: the outcome depends on {@code now} and the cases, not on when or how
     * often it runs. Needs {@code sla.run}; looks only at cases the actor may see.
     */
    SlaTick tick(Instant now);

    /** The open cases that breach next, earliest first, at most {@code limit} (1 to 1,000), that the actor may see. */
    List<CaseView> nextBreaches(int limit);

    /**
     * Sends the satisfaction survey of a resolved (or closed) case on {@code channel}, once per case
     * and within its policy's cap per customer, and only if the firm's contact policy allows a
     * {@code SURVEY} contact on that channel now (consent, do-not-contact, caps across departments,
     * quiet hours); the attempt is written to the contact log either way. The host delivers it.
     * Needs {@code survey.write}.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if the case is not resolved
     */
    SurveyOutcome sendSurvey(CaseId id, Channel channel);

    /**
     * Records the customer's answer (once per case; the case must be resolved or closed). A
     * detractor's answer raises a follow-up task for the case's owner.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code survey} if the case has an answer already
     */
    ServiceCase recordSurveyResponse(CaseId id, SurveyResponse response);

    /**
     * CSAT and NPS of the answers recorded in {@code [from, to)}, on cases the actor may see,
     * grouped by branch, team or category.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code to} if it is not after {@code from},
     *     or the period holds 100,000 answers or more
     */
    SatisfactionReport satisfaction(SatisfactionDimension by, Instant from, Instant to);
}

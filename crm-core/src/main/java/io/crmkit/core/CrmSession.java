package io.crmkit.core;

import io.crmkit.core.alert.AlertService;
import io.crmkit.core.org.Actor;
import java.util.function.Supplier;

/**
 * The CRM as seen by one actor: every operation through it runs on that actor's behalf, is
 * recorded as theirs, and passes the Crm's interceptors and access policy. Cheap to create; hold
 * one per request or job.
 *
 * <p>Thread-safe.
 */
public interface CrmSession {
    Actor actor();

    CustomerService customers();

    AccountService accounts();

    InteractionService interactions();

    OpportunityService opportunities();

    TaskService tasks();

    TierService tiers();

    OrganisationService organisation();

    /** The audit trail, as far as this actor may read it. */
    AuditService audit();

    /** Maker-checker: pending requests and decisions. */
    ApprovalService approvals();

    /**
     * The customers {@code operation} reaches for this actor, as a predicate to push into store
     * queries ({@code CustomerQuery.within}); for readers and adapters that work on the SPI on the
     * actor's behalf (analytics, export). {@link io.crmkit.core.spi.DataScope#none()} when no role
     * grants it; everything when the {@code Crm} has no permissions.
     */
    io.crmkit.core.spi.DataScope dataScope(io.crmkit.core.governance.Operation operation);

    /** Alerts: raise, list an owner's open ones, acknowledge, resolve. */
    AlertService alerts();

    /** Erasure (right to be forgotten): request, retention holds, certificates, the scheduled job. */
    ErasureService erasure();
    /** Service cases with SLAs, escalation and satisfaction surveys (issue 15). */
    CaseService cases();

    /** Consents per contact point and purpose, and do-not-contact flags. */
    io.crmkit.core.ConsentService consents();

    /** The firm-wide contact policy: decide, log contacts, prepare bulk snapshots, read the contact log. */
    io.crmkit.core.ContactPolicyService contactPolicy();
    /** Merge and unmerge of duplicate customers (see {@link io.crmkit.core.MergeService}). */
    io.crmkit.core.MergeService merges();
    /** Campaigns: define, launch over a frozen audience with a holdout, engagements, reports with attribution and lift. */
    CampaignService campaigns();

    /** The information service: content, subscriptions, pushes in each subscriber's zone, statistics. */
    InformationService information();

    /**
     * Runs several operations atomically: all their writes commit together or none does, and their
     * events are published once the whole unit has committed.
     */
    <T> T inTransaction(Supplier<T> work);
}

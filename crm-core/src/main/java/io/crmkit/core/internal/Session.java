package io.crmkit.core.internal;

import io.crmkit.core.AccountService;
import io.crmkit.core.ApprovalService;
import io.crmkit.core.AuditService;
import io.crmkit.core.CaseService;
import io.crmkit.core.CrmSession;
import io.crmkit.core.CustomerService;
import io.crmkit.core.InteractionService;
import io.crmkit.core.OpportunityService;
import io.crmkit.core.OrganisationService;
import io.crmkit.core.TaskService;
import io.crmkit.core.TierService;
import io.crmkit.core.alert.AlertService;
import io.crmkit.core.check.Check;
import io.crmkit.core.org.Actor;
import java.util.function.Supplier;

/** The services bound to one actor. Thread-safe. */
final class Session implements CrmSession {
    private final Engine engine;
    private final Actor actor;
    private final CustomerService customers;
    private final AccountService accounts;
    private final InteractionService interactions;
    private final OpportunityService opportunities;
    private final TaskService tasks;
    private final TierService tiers;
    private final OrganisationService organisation;
    private final AuditService audit;
    private final ApprovalService approvals;
    private final Access access;
    private final AlertService alerts;
    private final io.crmkit.core.ErasureService erasure;
    private final CaseService cases;
    private final io.crmkit.core.ConsentService consents;
    private final io.crmkit.core.ContactPolicyService contactPolicy;
    private final io.crmkit.core.MergeService merges;
    private final io.crmkit.core.CampaignService campaigns;
    private final io.crmkit.core.InformationService information;

    Session(Engine engine, Actor actor) {
        this.engine = engine;
        this.actor = actor;
        this.access = new Access(engine, actor);
        this.customers = new CustomerServiceImpl(access);
        this.accounts = new AccountServiceImpl(access);
        this.interactions = new InteractionServiceImpl(access);
        this.opportunities = new OpportunityServiceImpl(access);
        this.tasks = new TaskServiceImpl(access);
        this.tiers = new TierServiceImpl(access);
        this.organisation = new OrganisationServiceImpl(access);
        this.audit = new AuditServiceImpl(access);
        this.approvals = new ApprovalServiceImpl(access);
        this.alerts = new AlertServiceImpl(access);
        this.erasure = new ErasureServiceImpl(access);
        this.cases = new CaseServiceImpl(access);
        this.consents = new ConsentServiceImpl(access);
        this.contactPolicy = new ContactPolicyServiceImpl(access);
        this.merges = new MergeServiceImpl(access);
        this.campaigns = new CampaignServiceImpl(access);
        this.information = new InformationServiceImpl(access);
    }

    @Override public Actor actor() { return actor; }

    @Override public CustomerService customers() { return customers; }

    @Override public AccountService accounts() { return accounts; }

    @Override public InteractionService interactions() { return interactions; }

    @Override public OpportunityService opportunities() { return opportunities; }

    @Override public TaskService tasks() { return tasks; }

    @Override public TierService tiers() { return tiers; }

    @Override public OrganisationService organisation() { return organisation; }

    @Override public AuditService audit() { return audit; }

    @Override public ApprovalService approvals() { return approvals; }

    @Override
    public io.crmkit.core.spi.DataScope dataScope(io.crmkit.core.governance.Operation operation) {
        return access.scope(Check.notNull(operation, "operation"));
    }

    @Override public AlertService alerts() { return alerts; }

    @Override public io.crmkit.core.ErasureService erasure() { return erasure; }
    @Override public CaseService cases() { return cases; }

    @Override public io.crmkit.core.ConsentService consents() { return consents; }

    @Override public io.crmkit.core.ContactPolicyService contactPolicy() { return contactPolicy; }
    @Override public io.crmkit.core.MergeService merges() { return merges; }
    @Override public io.crmkit.core.CampaignService campaigns() { return campaigns; }

    @Override public io.crmkit.core.InformationService information() { return information; }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return engine.transactional(Check.notNull(work, "work"));
    }
}

package io.crmkit.jpa.internal;

import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.AlertRepository;
import io.crmkit.core.spi.ContactRepository;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.OrgUnitRepository;
import io.crmkit.core.spi.PipelineRepository;
import io.crmkit.core.spi.RelationshipRepository;
import io.crmkit.core.spi.StaffRepository;
import io.crmkit.core.spi.AuditRepository;
import io.crmkit.core.spi.PendingRequestRepository;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.jpa.Database;
import io.crmkit.jpa.JpaCrmStore;

/** The JPA store: one repository per aggregate over one {@link Transactions}. Thread-safe. */
final class JpaStore implements JpaCrmStore {
    private final Transactions tx;
    private final EntityManagerFactory emf;
    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final RelationshipRepository relationships;
    private final AccountRepository accounts;
    private final InteractionRepository interactions;
    private final OpportunityRepository opportunities;
    private final PipelineRepository pipelines;
    private final TaskRepository tasks;
    private final TierRepository tiers;
    private final OrgUnitRepository orgUnits;
    private final StaffRepository staff;
    private final AuditRepository audit;
    private final PendingRequestRepository approvals;

    private final AlertRepository alerts;
    private final JpaCustomerView view;
    private final io.crmkit.core.spi.ErasureRepository erasures;
    private final io.crmkit.core.spi.CaseRepository cases;
    private final io.crmkit.core.spi.SlaPolicyRepository slaPolicies;
    private final JpaConsents consents;
    private final JpaDoNotContact doNotContact;
    private final JpaContactLog contactLog;
    private final io.crmkit.core.spi.MergeRepository merges;
    // campaigns and the information service (V9)
    private final JpaCampaigns campaigns;
    private final JpaCampaignMembers campaignMembers;
    private final JpaEngagements engagements;
    private final JpaContents contents;
    private final JpaSubscriptions subscriptions;
    private final JpaDeliveries deliveries;
    private final String description;
    private final Runnable onClose;
    private final StoreSettings settings;

    JpaStore(Transactions tx, StoreSettings settings, Database database, EntityManagerFactory emf, Runnable onClose) {
        this.tx = tx;
        this.onClose = onClose;
        this.settings = settings;
        this.emf = emf;
        this.customers = new JpaCustomers(tx, settings);
        this.contacts = new JpaContacts(tx, settings);
        this.relationships = new JpaRelationships(tx, settings);
        this.accounts = new JpaAccounts(tx, settings);
        this.interactions = new JpaInteractions(tx, settings);
        this.opportunities = new JpaOpportunities(tx, settings);
        this.pipelines = new JpaPipelines(tx, settings);
        this.tasks = new JpaTasks(tx, settings);
        this.tiers = new JpaTiers(tx, settings);
        this.orgUnits = new JpaOrgUnits(tx, settings);
        this.staff = new JpaStaff(tx, settings);
        this.audit = new JpaAudit(tx, settings);
        this.approvals = new JpaPendingRequests(tx, settings);

        this.alerts = new JpaAlerts(tx, settings);
        this.erasures = new JpaErasures(tx, settings);
        this.cases = new JpaCases(tx, settings);
        this.slaPolicies = new JpaSlaPolicies(tx, settings);
        this.consents = new JpaConsents(tx, settings);
        this.doNotContact = new JpaDoNotContact(tx, settings);
        this.contactLog = new JpaContactLog(tx, settings);
        this.merges = new JpaMerges(tx, settings);
        this.campaigns = new JpaCampaigns(tx, settings);
        this.campaignMembers = new JpaCampaignMembers(tx, settings);
        this.engagements = new JpaEngagements(tx, settings);
        this.contents = new JpaContents(tx, settings);
        this.subscriptions = new JpaSubscriptions(tx, settings);
        this.deliveries = new JpaDeliveries(tx, settings);
        this.view = new JpaCustomerView(tx, (JpaCustomers) customers, (JpaContacts) contacts,
                (JpaRelationships) relationships, (JpaAccounts) accounts, (JpaInteractions) interactions,
                (JpaOpportunities) opportunities, (JpaTasks) tasks, (JpaPendingRequests) approvals,
                new JpaCustomerView.Outreach((JpaCases) cases, campaignMembers, subscriptions));
        this.description = emf == null ? "JpaCrmStore[joining the host]" : "JpaCrmStore[" + database + "]";
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public ContactRepository contacts() {
        return contacts;
    }

    @Override
    public RelationshipRepository relationships() {
        return relationships;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public InteractionRepository interactions() {
        return interactions;
    }

    @Override
    public OpportunityRepository opportunities() {
        return opportunities;
    }

    @Override
    public PipelineRepository pipelines() {
        return pipelines;
    }

    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    @Override
    public TierRepository tiers() {
        return tiers;
    }

    @Override
    public OrgUnitRepository orgUnits() {
        return orgUnits;
    }

    @Override
    public StaffRepository staff() {
        return staff;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public PendingRequestRepository approvals() {
        return approvals;
    }

    @Override
    public AlertRepository alerts() {
        return alerts;
    }

    /** One statement for the whole view (see {@link JpaCustomerView}). */
    @Override
    public java.util.Optional<io.crmkit.core.spi.CustomerViewData> customerView(io.crmkit.core.customer.CustomerId id,
            io.crmkit.core.spi.CustomerViewData.ViewRequest request) {
        Check.notNull(id, "id");
        Check.notNull(request, "request");
        return view.read(id, request);
    }

    @Override
    public io.crmkit.jpa.crypto.KeyRotation keyRotation() {
        if (!settings.documents().encrypting()) {
            throw ValidationException.of("fieldEncryption", "Enabled", "the store was built without field encryption");
        }
        return new Reencryptor(tx, settings.documents());
    }

    @Override
    public io.crmkit.core.spi.ErasureRepository erasures() {
        return erasures;
    }

    @Override
    public io.crmkit.core.spi.CaseRepository cases() {
        return cases;
    }

    @Override
    public io.crmkit.core.spi.SlaPolicyRepository slaPolicies() {
        return slaPolicies;

    }
    @Override public io.crmkit.core.spi.CampaignRepository campaigns() { return campaigns; }

    @Override public io.crmkit.core.spi.CampaignMemberRepository campaignMembers() { return campaignMembers; }

    @Override public io.crmkit.core.spi.EngagementRepository engagements() { return engagements; }

    @Override public io.crmkit.core.spi.ContentRepository contents() { return contents; }

    @Override public io.crmkit.core.spi.SubscriptionRepository subscriptions() { return subscriptions; }

    @Override public io.crmkit.core.spi.DeliveryRepository deliveries() { return deliveries; }

    @Override
    public io.crmkit.core.spi.ConsentRepository consents() {
        return consents;
    }

    @Override
    public io.crmkit.core.spi.DoNotContactRepository doNotContact() {
        return doNotContact;
    }

    @Override
    public io.crmkit.core.spi.ContactLogRepository contactLog() {
        return contactLog;
    }

    @Override
    public io.crmkit.core.spi.MergeRepository merges() {
        return merges;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Check.notNull(work, "work");
        return tx.inTransaction(work);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Check.notNull(type, "type");
        if (emf == null) {
            throw ValidationException.of("type", "Unwrappable", "a joining store has no persistence unit of its own");
        }
        if (!emf.isOpen()) {
            throw new StoreException("the store is closed", false);
        }
        if (type.isInstance(emf)) {
            return type.cast(emf);
        }
        try {
            return emf.unwrap(type);
        } catch (RuntimeException e) {
            throw ValidationException.of("type", "Unwrappable", "the persistence unit offers no object of this type");
        }
    }

    @Override
    public void close() {
        if (emf != null && emf.isOpen()) {
            try {
                emf.close();
            } finally {
                onClose.run();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}

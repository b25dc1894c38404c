package io.crmkit.core.spi;

import io.crmkit.core.error.StoreException;
import java.util.function.Supplier;

/**
 * Where CRMKit keeps its data: one repository per aggregate and a transaction boundary. The
 * embedded default is the in-memory store ({@code io.crmkit.core.memory.InMemoryCrmStore});
 * {@code crm-jpa} keeps data in the firm's database; integrators may write their own and certify
 * it with the compatibility kit in {@code crm-tck}.
 *
 * <p>Conventions every store keeps (the compatibility kit checks them):
 * <ul>
 *   <li>"Id order" is {@link String#compareTo} order of the id text (ids are ASCII, so this is
 *       byte order; a SQL store needs a binary collation such as {@code COLLATE "C"}).
 *   <li>Instants are kept to the microsecond at least (the compatibility kit's fixtures carry
 *       microseconds); the services create them at microsecond precision. Decimals are kept exactly
 *       (scale included as normalised by the records).
 *   <li>Natural keys (identifiers, external references, host account keys) compare exactly, as
 *       {@link String#equals}: case-sensitive, accents and trailing blanks significant, so a SQL
 *       store needs a binary, no-pad collation for those columns. An identifier's issuer is part of
 *       its key. Exceptions name the key ({@code identifier}, {@code externalRef},
 *       {@code externalId}), never its value.
 *   <li>Referential integrity between aggregates (an opportunity's pipeline, a task's customer) is
 *       checked by the services, not required of stores; owner, branch and assignee ids are free.
 *   <li>Deleting an account deletes its snapshots with it, in the same transaction: afterwards
 *       {@code latestSnapshot}, {@code latestSnapshots} and {@code snapshots} find none of them.
 *   <li>An id freed by a delete may be inserted again (version 0): that is a new aggregate, stored
 *       and returned as version 1 like any insert; nothing of the deleted one's version carries on.
 *       (So a copy read before the delete may match the new version 1: the services never reuse ids.)
 *   <li>Streams return every matching row however many there are (stores read them in chunks), and
 *       {@code close()} at any point releases what the stream holds.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface CrmStore {
    CustomerRepository customers();

    ContactRepository contacts();

    RelationshipRepository relationships();

    AccountRepository accounts();

    InteractionRepository interactions();

    OpportunityRepository opportunities();

    PipelineRepository pipelines();

    TaskRepository tasks();

    TierRepository tiers();

    OrgUnitRepository orgUnits();

    StaffRepository staff();

    /** Alerts raised by the real-time engine or host jobs. */
    AlertRepository alerts();

    /**
     * The audit trail. Stores that cannot keep one may leave this default, which refuses; a
     * {@code Crm} that audits (every {@code Crm} with permissions or four-eyes rules) then fails
     * to build with a clear error.
     *
     * @throws StoreException if this store keeps no audit trail
     */
    default AuditRepository audit() {
        throw new StoreException("this store keeps no audit trail (implement CrmStore.audit())", false);
    }

    /**
     * Pending maker-checker requests; as {@link #audit()}, a store may leave the refusing default.
     *
     * @throws StoreException if this store keeps no pending requests
     */
    default PendingRequestRepository approvals() {
        throw new StoreException("this store keeps no pending requests (implement CrmStore.approvals())", false);
    }

    // Consent and contact policy (issue 12):

    /**
     * Consent records per customer, contact point kind and purpose; as {@link #audit()}, a store may
     * leave the refusing default (the contact policy, and so outbound interactions, then fail with it).
     *
     * @throws StoreException if this store keeps no consents
     */
    default ConsentRepository consents() {
        throw new StoreException("this store keeps no consents (implement CrmStore.consents())", false);
    }

    /**
     * Do-not-contact flags per customer; as {@link #consents()}.
     *
     * @throws StoreException if this store keeps no do-not-contact flags
     */
    default DoNotContactRepository doNotContact() {
        throw new StoreException("this store keeps no do-not-contact flags (implement CrmStore.doNotContact())", false);
    }

    /**
     * The contact log that feeds the frequency caps; as {@link #consents()}.
     *
     * @throws StoreException if this store keeps no contact log
     */
    default ContactLogRepository contactLog() {
        throw new StoreException("this store keeps no contact log (implement CrmStore.contactLog())", false);
    }

    // Campaigns and the information service (issue 15): stores that keep none may leave these defaults.

    /**
     * Campaigns.
     *
     * @throws StoreException if this store keeps no campaigns
     */
    default CampaignRepository campaigns() {
        throw new StoreException("this store keeps no campaigns (implement CrmStore.campaigns())", false);
    }

    /**
     * Campaign memberships (the frozen snapshot written at launch).
     *
     * @throws StoreException if this store keeps no campaigns
     */
    default CampaignMemberRepository campaignMembers() {
        throw new StoreException("this store keeps no campaign members (implement CrmStore.campaignMembers())", false);
    }

    /**
     * Recorded opens and clicks of campaign contacts and pushes.
     *
     * @throws StoreException if this store keeps none
     */
    default EngagementRepository engagements() {
        throw new StoreException("this store keeps no engagements (implement CrmStore.engagements())", false);
    }

    /**
     * Content items of the information service.
     *
     * @throws StoreException if this store keeps none
     */
    default ContentRepository contents() {
        throw new StoreException("this store keeps no content items (implement CrmStore.contents())", false);
    }

    /**
     * Subscriptions of the information service.
     *
     * @throws StoreException if this store keeps none
     */
    default SubscriptionRepository subscriptions() {
        throw new StoreException("this store keeps no subscriptions (implement CrmStore.subscriptions())", false);
    }

    /**
     * Pushes made by the information service.
     *
     * @throws StoreException if this store keeps none
     */
    default DeliveryRepository deliveries() {
        throw new StoreException("this store keeps no deliveries (implement CrmStore.deliveries())", false);
    }

    /**
     * Erasure schedules and certificates; as {@link #audit()}, a store may leave the refusing
     * default (erasure then refuses with this error).
     *
     * @throws StoreException if this store keeps no erasure records
     */
    default ErasureRepository erasures() {
        throw new StoreException("this store keeps no erasure records (implement CrmStore.erasures())", false);
    }

    /**
     * Merge records of duplicate customers; as {@link #audit()}, a store may leave the refusing
     * default (merges then fail with this error).
     *
     * @throws StoreException if this store keeps no merge records
     */
    default MergeRepository merges() {
        throw new StoreException("this store keeps no merge records (implement CrmStore.merges())", false);
    }

    /**
     * Service cases (issue 15); as {@link #audit()}, a store may leave the refusing default, and a
     * {@code Crm} over it then refuses every case operation with this error.
     *
     * @throws StoreException if this store keeps no cases
     */
    default CaseRepository cases() {
        throw new StoreException("this store keeps no service cases (implement CrmStore.cases())", false);
    }

    /**
     * SLA policies for service cases; as {@link #cases()}.
     *
     * @throws StoreException if this store keeps no SLA policies
     */
    default SlaPolicyRepository slaPolicies() {
        throw new StoreException("this store keeps no SLA policies (implement CrmStore.slaPolicies())", false);
    }

    /**
     * Runs {@code work} in one transaction: every write inside commits together when it returns, or
     * none does when it throws (the exception is rethrown as is).
     *
     * <ul>
     *   <li>Isolation: other threads see the writes only after commit, all at once (read committed at
     *       least).
     *   <li>Reads inside see the transaction's own writes by id and by natural key (identifier,
     *       external reference); list and page queries may show committed data only.
     *   <li>A call inside a running transaction joins it. If the inner call throws and the outer
     *       work catches that and returns normally, the transaction is rolled back anyway and the
     *       outer call throws {@link StoreException} (rollback-only, as with JTA's REQUIRED).
     *       Exceptions thrown directly by a repository call (conflict, duplicate key) do not mark the
     *       transaction: the work may catch them and go on.
     *   <li>Natural-key clashes with committed data or with this transaction's own writes are
     *       refused at the save; clashes with a concurrent transaction may surface at commit.
     *   <li>A rollback undoes every kind of write: inserts, updates, deletes (an account's deleted
     *       snapshots come back), snapshots, tier history, tier definitions and pipelines.
     * </ul>
     *
     * @throws io.crmkit.core.error.ConflictException if a write conflicts (at the write or, against a
     *     concurrent transaction, at commit)
     * @throws io.crmkit.core.error.DuplicateKeyException at commit, if a concurrent transaction took a
     *     natural key first
     * @throws StoreException if the store fails
     */
    /**
     * Everything the 360 view of one customer is built from, or empty when the customer does not
     * exist. The default makes the repositories' own calls ({@link CustomerViewData#compose});
     * a database store should answer in one or two round trips. Called inside a transaction.
     */
    default java.util.Optional<CustomerViewData> customerView(io.crmkit.core.customer.CustomerId id,
            CustomerViewData.ViewRequest request) {
        return customers().findById(id).map(c -> CustomerViewData.compose(this, c, request));
    }

    <T> T inTransaction(Supplier<T> work);

    /** {@link #inTransaction(Supplier)} for work without a result. */
    default void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

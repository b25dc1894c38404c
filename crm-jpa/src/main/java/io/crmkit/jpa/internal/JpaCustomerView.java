package io.crmkit.jpa.internal;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.spi.CustomerViewData;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.TimelineCursor;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The customer 360 view's data in <b>one statement</b>: a {@code UNION ALL} of one branch per part
 * (the customer, the customers on the other side of its relationships, contacts, relationships,
 * accounts, the latest snapshot of each account, the current tier assignment and definition, the
 * first timeline page, the interaction count, opportunities, tasks, pending requests, open cases,
 * campaign memberships, subscriptions), each branch
 * served by the index its repository query uses. Rows come back as (part, document, version) and
 * are read by the same repository code as single reads, then put in the repositories' order, so
 * the answer equals {@link CustomerViewData#compose} (the kit checks it).
 *
 * <p>Plain SQL that H2, PostgreSQL and MariaDB all run; the tables are this module's own migrations.
 * Thread-safe: holds no per-call state.
 */
final class JpaCustomerView {
    private static final int CUSTOMER = 0;
    private static final int RELATED = 1;
    private static final int CONTACT = 2;
    private static final int RELATIONSHIP = 3;
    private static final int ACCOUNT = 4;
    private static final int SNAPSHOT = 5;
    private static final int INTERACTION = 6;
    private static final int TIER = 7;
    private static final int TIER_DEFINITION = 8;
    private static final int COUNT = 9;
    private static final int OPPORTUNITY = 10;
    private static final int TASK = 11;
    private static final int PENDING = 12;
    private static final int OPEN_CASE = 13;
    private static final int MEMBERSHIP = 14;
    private static final int SUBSCRIPTION = 15;

    /** The open statuses as SQL literals (enum names, never input). */
    private static final String OPEN_STATUSES = Stream.of(CaseStatus.values()).filter(CaseStatus::isOpen)
            .map(st -> "'" + st.name() + "'").collect(Collectors.joining(", "));

    private static final String PARTS = String.join(" union all ",
            "select " + CUSTOMER + ", c.doc, c.version from crm_customer c where c.id = :c",
            "select " + RELATED + ", c.doc, c.version from crm_customer c where c.id in"
                    + " (select r.to_customer_id from crm_relationship r where r.from_customer_id = :c"
                    + " union select r.from_customer_id from crm_relationship r where r.to_customer_id = :c)",
            "select " + CONTACT + ", e.doc, e.version from crm_contact e where e.customer_id = :c",
            "select " + RELATIONSHIP + ", e.doc, e.version from crm_relationship e"
                    + " where e.from_customer_id = :c or e.to_customer_id = :c",
            "select " + ACCOUNT + ", e.doc, e.version from crm_account e where e.customer_id = :c",
            "select " + SNAPSHOT + ", s.doc, 0 from crm_account_snapshot s join crm_account a on a.id = s.account_id"
                    + " where a.customer_id = :c and s.as_of = (select max(s2.as_of) from crm_account_snapshot s2"
                    + " where s2.account_id = s.account_id and s2.as_of <= :d)",
            "(select " + INTERACTION + ", e.doc, e.version from crm_interaction e where e.customer_id = :c"
                    + " order by e.occurred_at desc, e.occurred_nano desc, e.id desc limit %d)",
            "(select " + TIER + ", t.doc, 0 from crm_tier_assignment t where t.customer_id = :c"
                    + " order by t.effective_from desc, t.effective_nano desc, t.id desc limit 1)",
            "select " + TIER_DEFINITION + ", d.name, d.tier_rank from crm_tier_definition d"
                    + " join crm_customer c on c.tier_code = d.code where c.id = :c",
            "select " + COUNT + ", null, count(*) from crm_interaction e where e.customer_id = :c",
            "select " + OPPORTUNITY + ", e.doc, e.version from crm_opportunity e where e.customer_id = :c",
            "select " + TASK + ", e.doc, e.version from crm_task e where e.customer_id = :c",
            "select " + OPEN_CASE + ", e.doc, e.version from crm_case e where e.customer_id = :c"
                    + " and e.status in (" + OPEN_STATUSES + ")",
            "select " + MEMBERSHIP + ", e.doc, e.version from crm_campaign_member e where e.customer_id = :c",
            "select " + SUBSCRIPTION + ", e.doc, e.version from crm_subscription e where e.customer_id = :c");
    private static final String PENDING_PART =
            " union all select " + PENDING + ", e.doc, e.version from crm_pending_request e where e.customer_id = :c";

    private static final Comparator<Interaction> NEWEST_FIRST = Comparator
            .comparing(Interaction::occurredAt).thenComparing((Interaction i) -> i.id().value()).reversed();

    private final Transactions tx;
    private final JpaCustomers customers;
    private final JpaContacts contacts;
    private final JpaRelationships relationships;
    private final JpaAccounts accounts;
    private final JpaInteractions interactions;
    private final JpaOpportunities opportunities;
    private final JpaTasks tasks;
    private final JpaPendingRequests pending;
    private final Outreach outreach;

    /** The repositories of the parts the service and marketing modules added. */
    record Outreach(JpaCases cases, JpaCampaignMembers members, JpaSubscriptions subscriptions) {}

    JpaCustomerView(Transactions tx, JpaCustomers customers, JpaContacts contacts, JpaRelationships relationships,
            JpaAccounts accounts, JpaInteractions interactions, JpaOpportunities opportunities, JpaTasks tasks,
            JpaPendingRequests pending, Outreach outreach) {
        this.outreach = outreach;
        this.tx = tx;
        this.customers = customers;
        this.contacts = contacts;
        this.relationships = relationships;
        this.accounts = accounts;
        this.interactions = interactions;
        this.opportunities = opportunities;
        this.tasks = tasks;
        this.pending = pending;
    }

    Optional<CustomerViewData> read(CustomerId id, CustomerViewData.ViewRequest request) {
        int page = request.interactions();
        String sql = PARTS.formatted(page + 1) + (request.pendingRequests() ? PENDING_PART : "");
        List<?> rows = tx.run(em -> em.createNativeQuery(sql).setParameter("c", id.value())
                .setParameter("d", JpaAccounts.storable(request.asOf())).getResultList());
        Parts parts = new Parts();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            parts.add(((Number) r[0]).intValue(), (String) r[1], r[2] == null ? 0 : ((Number) r[2]).longValue());
        }
        if (parts.customer == null) {
            return Optional.empty();
        }
        Customer customer = parts.customer;
        TierDefinition tier = parts.tierName == null || customer.tier() == null ? null
                : new TierDefinition(customer.tier(), parts.tierName, parts.tierRank);
        List<Interaction> fetched = sorted(parts.interactions, NEWEST_FIRST);
        Page<Interaction> timeline = Page.of(fetched, page, i -> TimelineCursor.of(i).encode());
        return Optional.of(new CustomerViewData(customer, parts.related,
                sorted(parts.contacts, Comparator.comparing((Contact c) -> !c.primary()).thenComparing(c -> c.id().value())),
                byId(parts.relationships, r -> r.id().value()), byId(parts.accounts, a -> a.id().value()),
                snapshotsInAccountOrder(parts), tier, parts.tier, timeline, parts.count,
                byId(parts.opportunities, o -> o.id().value()), byId(parts.tasks, t -> t.id().value()),
                byId(parts.pending, p -> p.id().value()), byId(parts.cases, c -> c.id().value()),
                byId(parts.members, m -> m.id().value()), byId(parts.subscriptions, x -> x.id().value())));
    }

    /** The rows of one view, sorted into their parts. Not thread-safe: one per call. */
    private final class Parts {
        Customer customer;
        final Map<CustomerId, Customer> related = new HashMap<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<Relationship> relationships = new ArrayList<>();
        final List<LinkedAccount> accounts = new ArrayList<>();
        final List<AccountSnapshot> snapshots = new ArrayList<>();
        final List<Interaction> interactions = new ArrayList<>();
        TierAssignment tier;
        String tierName;
        int tierRank;
        long count;
        final List<Opportunity> opportunities = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final List<PendingRequest> pending = new ArrayList<>();
        final List<ServiceCase> cases = new ArrayList<>();
        final List<CampaignMember> members = new ArrayList<>();
        final List<Subscription> subscriptions = new ArrayList<>();

        void add(int part, String doc, long version) {
            switch (part) {
                case CUSTOMER -> customer = customers.fromDoc(doc, version);
                case RELATED -> {
                    Customer c = customers.fromDoc(doc, version);
                    related.put(c.id(), c);
                }
                case CONTACT -> contacts.add(JpaCustomerView.this.contacts.fromDoc(doc, version));
                case RELATIONSHIP -> relationships.add(JpaCustomerView.this.relationships.fromDoc(doc, version));
                case ACCOUNT -> accounts.add(JpaCustomerView.this.accounts.fromDoc(doc, version));
                case SNAPSHOT -> snapshots.add(DocumentCodec.read(doc, AccountSnapshot.class));
                case INTERACTION -> interactions.add(JpaCustomerView.this.interactions.fromDoc(doc, version));
                case TIER -> tier = DocumentCodec.read(doc, TierAssignment.class);
                case TIER_DEFINITION -> {
                    tierName = doc;
                    tierRank = (int) version;
                }
                case COUNT -> count = version;
                case OPPORTUNITY -> opportunities.add(JpaCustomerView.this.opportunities.fromDoc(doc, version));
                case TASK -> tasks.add(JpaCustomerView.this.tasks.fromDoc(doc, version));
                case PENDING -> pending.add(JpaCustomerView.this.pending.fromDoc(doc, version));
                case OPEN_CASE -> cases.add(outreach.cases().fromDoc(doc, version));
                case MEMBERSHIP -> members.add(outreach.members().fromDoc(doc, version));
                case SUBSCRIPTION -> subscriptions.add(outreach.subscriptions().fromDoc(doc, version));
                default -> throw new IllegalStateException("unknown view part " + part);
            }
        }
    }

    /** Latest snapshots keyed by account, in the accounts' order (as the repository answers). */
    private static Map<AccountId, AccountSnapshot> snapshotsInAccountOrder(Parts parts) {
        Map<AccountId, AccountSnapshot> byAccount = new HashMap<>();
        parts.snapshots.forEach(s -> byAccount.put(s.accountId(), s));
        Map<AccountId, AccountSnapshot> out = new LinkedHashMap<>();
        byId(parts.accounts, a -> a.id().value()).forEach(a -> {
            AccountSnapshot s = byAccount.get(a.id());
            if (s != null) {
                out.put(a.id(), s);
            }
        });
        return out;
    }

    private static <T> List<T> byId(List<T> items, Function<T, String> id) {
        return sorted(items, Comparator.comparing(id));
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return out;
    }
}

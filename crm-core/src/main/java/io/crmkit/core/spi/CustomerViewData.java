package io.crmkit.core.spi;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the customer 360 view is built from, as the store holds it: neither scoped nor
 * masked (the core judges visibility and masks before anything leaves the library). A store reads
 * it in as few round trips as it can ({@link CrmStore#customerView}); each part equals what the
 * repository call named below returns, in the same order.
 *
 * @param customer         the customer ({@code customers().findById})
 * @param related          the stored customers on the other side of {@code relationships}, by id
 *                         (a side that no longer exists is absent)
 * @param contacts         {@code contacts().findByCustomer}
 * @param relationships    {@code relationships().findByCustomer} (current and ended)
 * @param accounts         {@code accounts().findByCustomer}
 * @param latestSnapshots  {@code accounts().latestSnapshots(customer, asOf)}
 * @param tier             the definition of the customer's tier code, if one is defined
 * @param tierAssignment   {@code tiers().current}
 * @param timeline         {@code interactions().timeline(customer, PageRequest.first(n))}
 * @param interactionCount {@code interactions().countByCustomer}
 * @param opportunities    {@code opportunities().findByCustomer} (open and closed)
 * @param tasks            {@code tasks().findByCustomer} (open and closed)
 * @param pendingRequests  {@code approvals().findByCustomer}; empty when not asked for
 * @param openCases        the open cases of {@code cases().findByCustomer}, in its order; empty when
 *                         the store keeps no cases; {@code null} when the store left this part to the
 *                         core (a store answering the view as it did before cases existed)
 * @param memberships      {@code campaignMembers().findByCustomer}; as {@code openCases}
 * @param subscriptions    {@code subscriptions().findByCustomer}; as {@code openCases}
 */
public record CustomerViewData(Customer customer, Map<CustomerId, Customer> related, List<Contact> contacts,
        List<Relationship> relationships, List<LinkedAccount> accounts, Map<AccountId, AccountSnapshot> latestSnapshots,
        @Nullable TierDefinition tier, @Nullable TierAssignment tierAssignment, Page<Interaction> timeline,
        long interactionCount, List<Opportunity> opportunities, List<Task> tasks, List<PendingRequest> pendingRequests,
        @Nullable List<ServiceCase> openCases, @Nullable List<CampaignMember> memberships,
        @Nullable List<Subscription> subscriptions) {

    public CustomerViewData {
        Check.notNull(customer, "customer");
        Check.notNull(timeline, "timeline");
        related = Map.copyOf(related);
        contacts = List.copyOf(contacts);
        relationships = List.copyOf(relationships);
        accounts = List.copyOf(accounts);
        latestSnapshots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latestSnapshots));
        opportunities = List.copyOf(opportunities);
        tasks = List.copyOf(tasks);
        pendingRequests = List.copyOf(pendingRequests);
        openCases = openCases == null ? null : List.copyOf(openCases);
        memberships = memberships == null ? null : List.copyOf(memberships);
        subscriptions = subscriptions == null ? null : List.copyOf(subscriptions);
    }

    /**
     * The parts a view had before cases and campaigns existed; the core reads open cases, campaign
     * memberships and subscriptions itself (one round trip each).
     */
    public CustomerViewData(Customer customer, Map<CustomerId, Customer> related, List<Contact> contacts,
            List<Relationship> relationships, List<LinkedAccount> accounts, Map<AccountId, AccountSnapshot> latestSnapshots,
            @Nullable TierDefinition tier, @Nullable TierAssignment tierAssignment, Page<Interaction> timeline,
            long interactionCount, List<Opportunity> opportunities, List<Task> tasks, List<PendingRequest> pendingRequests) {
        this(customer, related, contacts, relationships, accounts, latestSnapshots, tier, tierAssignment, timeline,
                interactionCount, opportunities, tasks, pendingRequests, null, null, null);
    }

    /** Ids and counts only: the parts hold personal data. */
    @Override
    public String toString() {
        return "CustomerViewData[customer=" + customer.id() + ", related=" + related.size() + ", contacts=" + contacts.size()
                + ", relationships=" + relationships.size() + ", accounts=" + accounts.size() + ", snapshots="
                + latestSnapshots.size() + ", interactions=" + interactionCount + ", opportunities=" + opportunities.size()
                + ", tasks=" + tasks.size() + ", pendingRequests=" + pendingRequests.size() + ", openCases="
                + size(openCases) + ", memberships=" + size(memberships) + ", subscriptions=" + size(subscriptions) + "]";
    }

    private static String size(@Nullable List<?> part) {
        return part == null ? "unread" : String.valueOf(part.size());
    }

    /**
     * The view data assembled from the repositories' own reads, one call per part: the default of
     * {@link CrmStore#customerView}, and the reference a store's single-round-trip answer must equal.
     */
    public static CustomerViewData compose(CrmStore store, Customer customer, ViewRequest request) {
        CustomerId id = customer.id();
        List<Relationship> relationships = store.relationships().findByCustomer(id);
        Map<CustomerId, Customer> related = new HashMap<>();
        for (Relationship r : relationships) {
            CustomerId other = r.from().equals(id) ? r.to() : r.from();
            if (!related.containsKey(other)) {
                store.customers().findById(other).ifPresent(c -> related.put(other, c));
            }
        }
        List<LinkedAccount> accounts = store.accounts().findByCustomer(id);
        Map<AccountId, AccountSnapshot> snapshots = accounts.isEmpty() ? Map.of()
                : store.accounts().latestSnapshots(id, request.asOf());
        TierDefinition tier = customer.tier() == null ? null : store.tiers().definitions().stream()
                .filter(d -> d.code().equals(customer.tier())).findFirst().orElse(null);
        Page<Interaction> timeline = store.interactions().timeline(id, PageRequest.first(request.interactions()));
        long count = timeline.hasNext() ? store.interactions().countByCustomer(id) : timeline.items().size();
        return new CustomerViewData(customer, related, store.contacts().findByCustomer(id), relationships, accounts,
                snapshots, tier, store.tiers().current(id).orElse(null), timeline, count,
                store.opportunities().findByCustomer(id), store.tasks().findByCustomer(id),
                request.pendingRequests() ? store.approvals().findByCustomer(id) : List.of(),
                kept(store::cases, r -> r.findByCustomer(id).stream().filter(c -> c.status().isOpen()).toList()),
                kept(store::campaignMembers, r -> r.findByCustomer(id)), kept(store::subscriptions, r -> r.findByCustomer(id)));
    }

    /**
     * A part from a repository the store may not keep: none when asking for the repository meets
     * the refusing SPI default; a failure of the read itself goes to the caller.
     */
    private static <R, T> List<T> kept(Supplier<R> repository, java.util.function.Function<R, List<T>> read) {
        R r;
        try {
            r = repository.get();
        } catch (StoreException e) {
            return List.of();
        }
        return read.apply(r);
    }

    /**
     * What a view asks for.
     *
     * @param asOf            the day the latest account snapshots are taken at
     * @param interactions    the size of the first timeline page, 1 to {@link PageRequest#MAX_SIZE}
     * @param pendingRequests whether to read the customer's pending requests (stores without an
     *                        approvals repository are never asked)
     */
    public record ViewRequest(LocalDate asOf, int interactions, boolean pendingRequests) {
        public ViewRequest {
            Check.notNull(asOf, "asOf");
            PageRequest.first(interactions); // the page-size rule, with its own error
        }
    }
}

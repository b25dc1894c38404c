package io.crmkit.tck.faulty;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerViewData;
import io.crmkit.core.spi.CustomerViewData.ViewRequest;
import io.crmkit.core.task.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Defects of a store's one-round-trip 360 view: the single-statement shortcuts a store author gets wrong. */
final class ViewDefects {
    private ViewDefects() {}

    static List<Defect> all() {
        return List.of(
                Defect.of("view-snapshots-ignore-the-day", "the view takes each account's newest snapshot, even one after the day asked",
                        "CustomerViews", () -> view((store, c, r) -> CustomerViewData.compose(store, c,
                                new ViewRequest(LocalDate.of(9999, 12, 31), r.interactions(), r.pendingRequests())))),
                Defect.of("view-count-of-the-page", "the view's interaction count is the size of the first page",
                        "CustomerViews", () -> view((store, c, r) -> {
                            CustomerViewData d = CustomerViewData.compose(store, c, r);
                            return new CustomerViewData(d.customer(), d.related(), d.contacts(), d.relationships(), d.accounts(),
                                    d.latestSnapshots(), d.tier(), d.tierAssignment(), d.timeline(), d.timeline().items().size(),
                                    d.opportunities(), d.tasks(), d.pendingRequests());
                        })),
                Defect.of("view-relationships-one-way", "the view reads relationships from the customer but not to it",
                        "CustomerViews", () -> view((store, c, r) -> {
                            CustomerViewData d = CustomerViewData.compose(store, c, r);
                            List<Relationship> out = d.relationships().stream().filter(x -> x.from().equals(c.id())).toList();
                            java.util.Map<CustomerId, Customer> related = new java.util.HashMap<>(d.related());
                            related.keySet().removeIf(id -> out.stream().noneMatch(x -> x.to().equals(id)));
                            return new CustomerViewData(d.customer(), related, d.contacts(), out, d.accounts(),
                                    d.latestSnapshots(), d.tier(), d.tierAssignment(), d.timeline(), d.interactionCount(),
                                    d.opportunities(), d.tasks(), d.pendingRequests());
                        })),
                Defect.of("view-joins-neighbours-tasks", "the view's task branch also matches the related customers' tasks",
                        "CustomerViews", () -> view((store, c, r) -> {
                            CustomerViewData d = CustomerViewData.compose(store, c, r);
                            List<Task> tasks = new ArrayList<>(d.tasks());
                            d.related().keySet().forEach(id -> tasks.addAll(store.tasks().findByCustomer(id)));
                            return new CustomerViewData(d.customer(), d.related(), d.contacts(), d.relationships(), d.accounts(),
                                    d.latestSnapshots(), d.tier(), d.tierAssignment(), d.timeline(), d.interactionCount(),
                                    d.opportunities(), tasks, d.pendingRequests(), d.openCases(), d.memberships(),
                                    d.subscriptions());
                        })),
                Defect.of("view-cases-not-only-open", "the view's case branch forgets the status filter and lists closed cases too",
                        "CustomerViews", () -> view((store, c, r) -> {
                            CustomerViewData d = CustomerViewData.compose(store, c, r);
                            return withOutreach(d, store.cases().findByCustomer(c.id()), d.memberships(), d.subscriptions());
                        })),
                Defect.of("view-outreach-left-to-the-core", "the view reads cases, memberships and subscriptions in separate"
                        + " round trips because the store answers them as unread", "CustomerViews",
                        () -> view((store, c, r) -> withOutreach(CustomerViewData.compose(store, c, r), null, null, null))),
                Defect.of("view-memberships-of-the-related", "the view's membership branch also matches the related customers'",
                        "CustomerViews", () -> view((store, c, r) -> {
                            CustomerViewData d = CustomerViewData.compose(store, c, r);
                            List<io.crmkit.core.campaign.CampaignMember> members = new ArrayList<>(d.memberships());
                            d.related().keySet().forEach(id -> members.addAll(store.campaignMembers().findByCustomer(id)));
                            return withOutreach(d, d.openCases(), members, d.subscriptions());
                        })));
    }

    private static CustomerViewData withOutreach(CustomerViewData d, List<io.crmkit.core.casework.ServiceCase> cases,
            List<io.crmkit.core.campaign.CampaignMember> members, List<io.crmkit.core.info.Subscription> subscriptions) {
        return new CustomerViewData(d.customer(), d.related(), d.contacts(), d.relationships(), d.accounts(),
                d.latestSnapshots(), d.tier(), d.tierAssignment(), d.timeline(), d.interactionCount(), d.opportunities(),
                d.tasks(), d.pendingRequests(), cases, members, subscriptions);
    }

    /** How a faulty store answers the view from the clean store's repositories. */
    @FunctionalInterface
    interface ViewAnswer {
        CustomerViewData answer(CrmStore store, Customer customer, ViewRequest request);
    }

    private static CrmStore view(ViewAnswer answer) {
        return new DelegatingCrmStore(Faulty.store().build()) {
            @Override
            public Optional<CustomerViewData> customerView(CustomerId id, ViewRequest request) {
                return customers().findById(id).map(c -> answer.answer(this, c, request));
            }
        };
    }
}

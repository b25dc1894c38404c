package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerViewData;
import io.crmkit.core.spi.CustomerViewData.ViewRequest;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.CaseBuilder;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 360 view's data ({@link CrmStore#customerView}): whatever number of round trips a store
 * makes, every part equals what the repository call it stands for returns — same rows, same order,
 * same first timeline page and cursor, the latest snapshot on or before the day asked, the current
 * tier, the full interaction count, the customers on the other side of its relationships, the open
 * cases, campaign memberships and subscriptions (where the store keeps them) — for a
 * customer with several of everything, for one with nothing, inside a transaction that has just
 * written, and never a row of another customer. An absent customer gives an empty answer.
 */
public abstract class CustomerViewContract extends StoreContract {
    private static final int PAGE = 5;

    private boolean keepsApprovals() {
        try {
            store().approvals();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    private boolean keeps(java.util.function.Supplier<?> repository) {
        try {
            repository.get();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    private boolean keepsCases() {
        return keeps(store()::cases);
    }

    private boolean keepsCampaigns() {
        return keeps(store()::campaignMembers);
    }

    private boolean keepsSubscriptions() {
        return keeps(store()::subscriptions);
    }

    /** Cases (two open, one resolved), two campaign memberships and two subscriptions, where the store keeps them. */
    private void outreach(CustomerId id) {
        CrmStore s = store();
        if (keepsCases()) {
            s.cases().save(CaseBuilder.serviceCase(id).build());
            s.cases().save(CaseBuilder.serviceCase(id).answered(Fixtures.NOW.minus(Duration.ofHours(2))).build());
            s.cases().save(CaseBuilder.serviceCase(id).build());
        }
        if (keepsCampaigns()) {
            s.campaignMembers().save(OutreachContracts.member(OutreachContracts.campaignId(), id, ContactOutcome.CONTACTED));
            s.campaignMembers().save(OutreachContracts.member(OutreachContracts.campaignId(), id, ContactOutcome.HELD_OUT));
        }
        if (keepsSubscriptions()) {
            s.subscriptions().save(OutreachContracts.subscription(SubscriptionId.of(UniqueIds.next("sub")), id, "fx-morning", true));
            s.subscriptions().save(OutreachContracts.subscription(SubscriptionId.of(UniqueIds.next("sub")), id, "rates", false));
        }
    }

    private ViewRequest request() {
        return new ViewRequest(Fixtures.TODAY, PAGE, keepsApprovals());
    }

    private CustomerViewData expected(CustomerId id) {
        Customer c = store().customers().findById(id).orElseThrow();
        return CustomerViewData.compose(store(), c, request());
    }

    /** A customer with contacts, relationships both ways, accounts and snapshots, tier history, 13 interactions (ties included), opportunities, tasks and pending requests. */
    private CustomerId richCustomer(CustomerId neighbour) {
        CrmStore s = store();
        TierDefinition gold = Fixtures.tierDefinition(40);
        s.tiers().saveDefinition(gold);
        CustomerId id = s.customers().save(Fixtures.customer().tier(gold.code()).build()).id();
        CustomerId other = s.customers().save(Fixtures.customer().build()).id();
        s.contacts().save(Fixtures.contact(id, Fixtures.contactId(), false));
        s.contacts().save(Fixtures.contact(id, Fixtures.contactId(), true));
        s.contacts().save(Fixtures.contact(id, Fixtures.contactId(), false));
        s.relationships().save(Fixtures.relationship(id, other));
        s.relationships().save(Fixtures.relationship(neighbour, id));
        for (int a = 0; a < 2; a++) {
            LinkedAccount account = s.accounts().save(Fixtures.account(id));
            s.accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY.minusDays(30), "100.00"));
            s.accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY.minusDays(1 + a), "200.00"));
            s.accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY.plusDays(3), "900.00"));
        }
        s.tiers().append(Fixtures.tierAssignment(id, null, null, Fixtures.NOW.minus(Duration.ofDays(90))));
        s.tiers().append(Fixtures.tierAssignment(id, gold.code(), null, Fixtures.NOW.minus(Duration.ofDays(9))));
        for (int i = 0; i < 13; i++) {
            // pairs of interactions at the same instant: the page must break ties by id, as the timeline does
            s.interactions().save(Fixtures.interaction(id).occurredAt(Fixtures.NOW.minus(Duration.ofHours(i / 2))).build());
        }
        Pipeline pipeline = s.pipelines().save(Fixtures.pipeline());
        s.opportunities().save(Fixtures.opportunity(id, pipeline).build());
        s.opportunities().save(Fixtures.opportunity(id, pipeline).inStage("WON").build());
        StaffId rm = Fixtures.staffId();
        s.tasks().save(Fixtures.task(rm).customer(id).build());
        s.tasks().save(Fixtures.task(rm).customer(id).status(TaskStatus.DONE).build());
        if (keepsApprovals()) {
            s.approvals().save(pending(id));
            s.approvals().save(pending(id));
        }
        outreach(id);
        return id;
    }

    private static PendingRequest pending(CustomerId customer) {
        String aggregate = Fixtures.opportunityId().value();
        return new PendingRequest(PendingRequestId.of("pr-" + aggregate), "opportunity.write", "kit-rule", "Opportunity",
                aggregate, customer, "rm-maker", null, Set.of("RM"), "STAFF", "opportunities", "advance", "[]", 1,
                RequestStatus.PENDING, 1, List.of(), Fixtures.NOW, Fixtures.NOW.plus(Duration.ofDays(7)), null, null,
                Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }

    /** A neighbour with children of its own, which no view of another customer may show. */
    private CustomerId busyNeighbour() {
        CrmStore s = store();
        CustomerId id = s.customers().save(Fixtures.customer().build()).id();
        s.contacts().save(Fixtures.contact(id));
        s.accounts().save(Fixtures.account(id));
        s.interactions().save(Fixtures.interaction(id).build());
        s.tasks().save(Fixtures.task(Fixtures.staffId()).customer(id).build());
        if (keepsApprovals()) {
            s.approvals().save(pending(id));
        }
        outreach(id);
        return id;
    }

    @Test
    @DisplayName("every part of a rich customer's view equals the repository call it stands for")
    void richViewEqualsTheRepositoryCalls() {
        CustomerId neighbour = busyNeighbour();
        CustomerId id = richCustomer(neighbour);
        CustomerViewData want = expected(id);
        CustomerViewData got = store().customerView(id, request()).orElseThrow();

        assertThat(got).isEqualTo(want);
        assertThat(got.contacts()).hasSize(3).first().matches(c -> c.primary(), "primary contact first");
        assertThat(got.relationships()).hasSize(2);
        assertThat(got.related()).containsKey(neighbour).hasSize(2);
        assertThat(got.latestSnapshots()).hasSize(2).allSatisfy((account, s) ->
                assertThat(s.asOf()).isBefore(Fixtures.TODAY));
        assertThat(got.tierAssignment()).isNotNull();
        assertThat(got.tierAssignment().tier()).isEqualTo(got.customer().tier());
        assertThat(got.tier()).isNotNull();
        assertThat(got.timeline().items()).hasSize(PAGE);
        assertThat(got.interactionCount()).isEqualTo(13);
        assertThat(got.opportunities()).hasSize(2);
        assertThat(got.tasks()).hasSize(2);
        assertThat(got.pendingRequests()).hasSize(keepsApprovals() ? 2 : 0);
        assertThat(got.openCases()).hasSize(keepsCases() ? 2 : 0)
                .allSatisfy(c -> assertThat(c.status().isOpen()).as("only open cases").isTrue());
        assertThat(got.memberships()).hasSize(keepsCampaigns() ? 2 : 0).allMatch(m -> m.customerId().equals(id));
        assertThat(got.subscriptions()).hasSize(keepsSubscriptions() ? 2 : 0).allMatch(x -> x.customerId().equals(id));
    }

    @Test
    @DisplayName("the view's open cases, campaign memberships and subscriptions are the customer's own, none left to the core")
    void outreachPartsComeWithTheView() {
        CustomerId neighbour = busyNeighbour();
        CustomerId id = store().customers().save(Fixtures.customer().build()).id();
        outreach(id);
        CustomerViewData got = store().customerView(id, request()).orElseThrow();
        assertThat(got).isEqualTo(expected(id));
        assertThat(got.openCases()).as("open cases read with the view").isNotNull();
        assertThat(got.memberships()).as("memberships read with the view").isNotNull();
        assertThat(got.subscriptions()).as("subscriptions read with the view").isNotNull();
        assertThat(got.openCases()).noneMatch(c -> c.customerId().equals(neighbour));
        if (keepsCases()) {
            // a case closed since is no longer in the view
            var open = got.openCases().get(0);
            store().cases().save(CaseBuilder.serviceCase(id).id(open.id()).answered(Fixtures.NOW).build().withMeta(open.meta()));
            assertThat(store().customerView(id, request()).orElseThrow().openCases()).hasSize(1)
                    .noneMatch(c -> c.id().equals(open.id()));
        }
    }

    @Test
    @DisplayName("the view's timeline cursor continues exactly where the timeline's own first page would")
    void timelineCursorContinuesTheTimeline() {
        CustomerId id = richCustomer(busyNeighbour());
        Page<Interaction> first = store().customerView(id, request()).orElseThrow().timeline();
        Page<Interaction> own = store().interactions().timeline(id, PageRequest.first(PAGE));
        assertThat(first).isEqualTo(own);
        Page<Interaction> second = store().interactions().timeline(id, PageRequest.first(PAGE).next(first));
        assertThat(second.items()).hasSize(PAGE).doesNotContainAnyElementsOf(first.items());
    }

    @Test
    @DisplayName("a customer with nothing gives empty parts, a zero count, no cursor and no tier")
    void bareCustomerViewIsEmpty() {
        CustomerId id = store().customers().save(Fixtures.customer().build()).id();
        CustomerViewData got = store().customerView(id, request()).orElseThrow();
        assertThat(got).isEqualTo(expected(id));
        assertThat(got.contacts()).isEmpty();
        assertThat(got.relationships()).isEmpty();
        assertThat(got.related()).isEmpty();
        assertThat(got.accounts()).isEmpty();
        assertThat(got.latestSnapshots()).isEmpty();
        assertThat(got.timeline().items()).isEmpty();
        assertThat(got.timeline().hasNext()).isFalse();
        assertThat(got.interactionCount()).isZero();
        assertThat(got.tier()).isNull();
        assertThat(got.tierAssignment()).isNull();
        assertThat(got.opportunities()).isEmpty();
        assertThat(got.tasks()).isEmpty();
        assertThat(got.pendingRequests()).isEmpty();
        assertThat(got.openCases()).isEmpty();
        assertThat(got.memberships()).isEmpty();
        assertThat(got.subscriptions()).isEmpty();
    }

    @Test
    @DisplayName("an absent customer has no view")
    void absentCustomerHasNoView() {
        assertThat(store().customerView(Fixtures.customerId(), request())).isEmpty();
    }

    @Test
    @DisplayName("inside a transaction the view shows what the transaction has just written")
    void viewSeesOwnWrites() {
        CustomerId neighbour = busyNeighbour();
        store().inTransaction(() -> {
            CustomerId id = richCustomer(neighbour);
            assertThat(store().customerView(id, request()).orElseThrow()).isEqualTo(expected(id));
            return null;
        });
    }

    @Test
    @DisplayName("the customer on the other side of a relationship comes with the view")
    void relationshipPartnerComesWithTheView() {
        CustomerId id = store().customers().save(Fixtures.customer().build()).id();
        Customer partner = store().customers().save(Fixtures.customer().build());
        store().relationships().save(Fixtures.relationship(id, partner.id()));
        CustomerViewData got = store().customerView(id, request()).orElseThrow();
        assertThat(got).isEqualTo(expected(id));
        assertThat(got.related()).containsOnlyKeys(partner.id());
    }
}

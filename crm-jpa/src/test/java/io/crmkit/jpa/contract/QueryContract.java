package io.crmkit.jpa.contract;

import static io.crmkit.jpa.testing.Fixtures.T0;
import static io.crmkit.jpa.testing.Fixtures.account;
import static io.crmkit.jpa.testing.Fixtures.contact;
import static io.crmkit.jpa.testing.Fixtures.customer;
import static io.crmkit.jpa.testing.Fixtures.interaction;
import static io.crmkit.jpa.testing.Fixtures.opportunity;
import static io.crmkit.jpa.testing.Fixtures.relationship;
import static io.crmkit.jpa.testing.Fixtures.snapshot;
import static io.crmkit.jpa.testing.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.Vendor;

/** The store contract for the timeline and the other repositories' queries; one subclass per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryContract {
    StoreFixture fixture;
    CrmStore store;

    abstract Vendor vendor();

    @BeforeAll
    void start() {
        fixture = new StoreFixture(vendor(), "query");
        store = fixture.store;
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    @DisplayName("a scoped customer page reads only the scope, in id order, across pages and with other criteria")
    void scopedPages() {
        List<String> expected = new ArrayList<>();
        io.crmkit.core.spi.DataScope scope = io.crmkit.core.spi.DataScope.of(
                java.util.Set.of(io.crmkit.core.org.StaffId.of("sc-rm-1"), io.crmkit.core.org.StaffId.of("sc-rm-2")),
                java.util.Set.of(io.crmkit.core.org.OrgUnitId.of("sc-b1")));
        for (int i = 0; i < 120; i++) {
            String id = String.format("sc-%03d", i);
            io.crmkit.core.customer.Customer c = customer(id).withOwner(io.crmkit.core.org.StaffId.of("sc-rm-" + (i % 4)))
                    .withBranch(io.crmkit.core.org.OrgUnitId.of("sc-b" + (i % 3)));
            store.customers().save(c);
            if (scope.includes(c)) {
                expected.add(id);
            }
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(7);
        while (true) {
            var page = store.customers().find(io.crmkit.core.spi.CustomerQuery.all().within(scope), request);
            page.items().forEach(c -> seen.add(c.id().value()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        var owned = store.customers().find(io.crmkit.core.spi.CustomerQuery.all().owner(io.crmkit.core.org.StaffId.of("sc-rm-3"))
                .within(scope), PageRequest.first(100));
        assertThat(owned.items()).extracting(c -> c.id().value())
                .containsExactlyElementsOf(expected.stream().filter(id -> Integer.parseInt(id.substring(3)) % 4 == 3).toList());
        assertThat(store.customers().count(io.crmkit.core.spi.CustomerQuery.all().within(scope))).isEqualTo(expected.size());
    }

    @Test
    @DisplayName("the timeline pages newest first, exact to the nanosecond, ties broken by id, without repeats")
    void timelinePages() {
        store.customers().save(customer("tl-c"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // three share an instant; the others differ below the microsecond
            Instant at = i < 3 ? T0 : T0.plusNanos(i * 100L);
            store.interactions().save(interaction("tl-" + i, "tl-c", at));
        }
        expected.addAll(List.of("tl-8", "tl-7", "tl-6", "tl-5", "tl-4", "tl-3", "tl-2", "tl-1", "tl-0"));

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        while (request != null) {
            Page<Interaction> page = store.interactions().timeline(CustomerId.of("tl-c"), request);
            page.items().forEach(i -> seen.add(i.id().value()));
            request = page.hasNext() ? request.next(page) : null;
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(store.interactions().countByCustomer(CustomerId.of("tl-c"))).isEqualTo(9);
        assertThat(store.interactions().findById(io.crmkit.core.interaction.InteractionId.of("tl-5")))
                .map(Interaction::occurredAt).contains(T0.plusNanos(500));
    }

    @Test
    @DisplayName("an external reference is imported once: the second import is a duplicate key")
    void externalRefIsNaturalKey() {
        store.customers().save(customer("ext-c"));
        ExternalRef ref = new ExternalRef("callcentre", "CC-0001");
        store.interactions().save(interaction("ext-1", "ext-c", T0, ref));

        assertThatThrownBy(() -> store.interactions().save(interaction("ext-2", "ext-c", T0, ref)))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo("externalRef"));
        assertThat(store.interactions().findByExternalRef(ref)).map(i -> i.id().value()).contains("ext-1");
    }

    @Test
    @DisplayName("streams interactions in [from, to) in time order")
    void streamsARange() {
        store.customers().save(customer("rng-c"));
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.interactions().save(interaction("rng-" + i, "rng-c", base.plusSeconds(i)));
        }
        try (Stream<Interaction> s = store.interactions().stream(base.plusSeconds(1), base.plusSeconds(4))) {
            assertThat(s.map(i -> i.id().value())).containsExactly("rng-1", "rng-2", "rng-3");
        }
    }

    @Test
    @DisplayName("accounts: one link per host account and customer, snapshots replaced by date and read by range")
    void accountsAndSnapshots() {
        store.customers().save(customer("acc-c"));
        store.accounts().save(account("acc-1", "acc-c", "6222-0001"));
        assertThatThrownBy(() -> store.accounts().save(account("acc-2", "acc-c", "6222-0001")))
                .isInstanceOf(DuplicateKeyException.class);

        store.accounts().saveSnapshot(snapshot("acc-1", LocalDate.of(2026, 1, 31), "100.00"));
        store.accounts().saveSnapshot(snapshot("acc-1", LocalDate.of(2026, 2, 28), "200.00"));
        store.accounts().saveSnapshot(snapshot("acc-1", LocalDate.of(2026, 2, 28), "250.00"));

        AccountId id = AccountId.of("acc-1");
        assertThat(store.accounts().latestSnapshot(id, LocalDate.of(2026, 3, 1))).map(s -> s.cash())
                .contains(io.crmkit.core.money.Money.of("250", "CNY"));
        assertThat(store.accounts().snapshots(id, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .extracting(AccountSnapshot::asOf).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28));
        assertThat(store.accounts().findByExternalId("core-banking", "6222-0001")).hasSize(1);
        assertThat(store.accounts().latestSnapshots(CustomerId.of("acc-c"), LocalDate.of(2026, 2, 1)))
                .containsOnlyKeys(id).extractingByKey(id).extracting(AccountSnapshot::asOf)
                .isEqualTo(LocalDate.of(2026, 1, 31));
        store.accounts().delete(id, 1);
        assertThat(store.accounts().latestSnapshot(id, LocalDate.of(2026, 3, 1))).isEmpty();
    }

    @Test
    @DisplayName("opportunities page by owner and status and by pipeline stage")
    void opportunities() {
        store.customers().save(customer("op-c"));
        store.pipelines().save(Fixtures.pipeline("wealth"));
        for (int i = 0; i < 5; i++) {
            store.opportunities().save(opportunity("op-" + i, "op-c", "rm-op", i < 3 ? "LEAD" : "PROPOSAL"));
        }
        Page<io.crmkit.core.opportunity.Opportunity> first = store.opportunities()
                .findByOwner(StaffId.of("rm-op"), OpportunityStatus.OPEN, PageRequest.first(3));
        Page<io.crmkit.core.opportunity.Opportunity> second = store.opportunities()
                .findByOwner(StaffId.of("rm-op"), null, PageRequest.first(3).next(first));

        assertThat(first.items()).extracting(o -> o.id().value()).containsExactly("op-0", "op-1", "op-2");
        assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("op-3", "op-4");
        assertThat(second.hasNext()).isFalse();
        assertThat(store.opportunities().findByStage(PipelineId.of("wealth"), "PROPOSAL", PageRequest.first(10)).items())
                .hasSize(2);
        assertThat(store.pipelines().findAll()).extracting(p -> p.id().value()).contains("wealth");
    }

    @Test
    @DisplayName("open tasks come by due time with undated ones last; done ones are left out")
    void openTasks() {
        store.tasks().save(task("tk-a", "rm-t", null, TaskStatus.OPEN, null));
        store.tasks().save(task("tk-b", "rm-t", T0.plusSeconds(60), TaskStatus.IN_PROGRESS, "x"));
        store.tasks().save(task("tk-c", "rm-t", T0, TaskStatus.OPEN, null));
        store.tasks().save(task("tk-d", "rm-t", T0, TaskStatus.DONE, null));

        assertThat(store.tasks().findOpenByAssignee(StaffId.of("rm-t"), 10)).extracting(Task::id)
                .extracting(t -> t.value()).containsExactly("tk-c", "tk-b", "tk-a");
        assertThat(store.tasks().findOpenByAssignee(StaffId.of("rm-t"), 1)).hasSize(1);
    }

    @Test
    @DisplayName("tier definitions come by rank; the history newest first, later appends first on ties")
    void tiers() {
        store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold", 2));
        store.tiers().saveDefinition(TierDefinition.of("PLATINUM", "Platinum", 1));
        store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold (renamed)", 2));
        CustomerId c = CustomerId.of("tier-c");
        store.tiers().append(new TierAssignment(c, TierCode.of("GOLD"), null, T0, AssignmentSource.RULE, "aum", "engine", null));
        store.tiers().append(new TierAssignment(c, TierCode.of("PLATINUM"), TierCode.of("GOLD"), T0.plusSeconds(5),
                AssignmentSource.RULE, "aum", "engine", null));
        store.tiers().append(new TierAssignment(c, TierCode.of("GOLD"), TierCode.of("PLATINUM"), T0.plusSeconds(5),
                AssignmentSource.RULE, "aum", "engine", null));

        assertThat(store.tiers().definitions()).extracting(TierDefinition::name).containsExactly("Platinum", "Gold (renamed)");
        assertThat(store.tiers().history(c)).extracting(a -> a.previous() == null ? "-" : a.previous().value())
                .containsExactly("PLATINUM", "GOLD", "-");
    }

    @Test
    @DisplayName("contacts come primary first; relationships from either side")
    void contactsAndRelationships() {
        store.customers().save(customer("cr-a"));
        store.customers().save(customer("cr-b"));
        store.contacts().save(contact("ct-1", "cr-a", false));
        store.contacts().save(contact("ct-2", "cr-a", true));
        store.relationships().save(relationship("rel-1", "cr-a", "cr-b"));

        assertThat(store.contacts().findByCustomer(CustomerId.of("cr-a"))).extracting(c -> c.id().value())
                .containsExactly("ct-2", "ct-1");
        assertThat(store.relationships().findByCustomer(CustomerId.of("cr-b"))).hasSize(1);
    }

    @Test
    @DisplayName("the customer 360 view costs the same few statements whatever the customer has")
    void customer360IsBounded() {
        long small = statementsFor360("v360-small", 1);
        long large = statementsFor360("v360-large", 30);

        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(11);
    }

    private long statementsFor360(String id, int children) {
        store.customers().save(customer(id));
        for (int i = 0; i < children; i++) {
            store.interactions().save(interaction(id + "-i" + i, id, T0.plusSeconds(i)));
            store.contacts().save(contact(id + "-ct" + i, id, i == 0));
            store.accounts().save(account(id + "-a" + i, id, id + "-x" + i));
            store.accounts().saveSnapshot(snapshot(id + "-a" + i, LocalDate.of(2026, 1, 31), "10"));
            store.accounts().saveSnapshot(snapshot(id + "-a" + i, LocalDate.of(2026, 2, 28), "20"));
            store.opportunities().save(opportunity(id + "-o" + i, id, "rm-360", "LEAD"));
            store.tasks().save(task(id + "-t" + i, "rm-360", T0, TaskStatus.OPEN, id));
        }
        CustomerId cid = CustomerId.of(id);
        var stats = fixture.statistics();
        stats.clear();
        store.runInTransaction(() -> {
            store.customers().get(cid);
            store.contacts().findByCustomer(cid);
            store.relationships().findByCustomer(cid);
            store.accounts().findByCustomer(cid);
            store.accounts().latestSnapshots(cid, LocalDate.of(2026, 12, 31));
            store.tiers().definitions();
            store.interactions().timeline(cid, PageRequest.first(20));
            store.opportunities().findByCustomer(cid);
            store.tasks().findByCustomer(cid);
            store.tiers().history(cid);
        });
        return stats.getPrepareStatementCount();
    }
}

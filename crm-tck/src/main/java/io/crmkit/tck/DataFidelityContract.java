package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.tck.fixtures.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Data kept exactly, and the decisions of the SPI made testable (see {@code CrmStore} and
 * {@code Page}): instants to the microsecond, in values and in order; decimals with every digit;
 * an account's snapshots go with it when it is deleted; an id inserted again after a delete starts
 * at version 1; a last page that is full carries no cursor.
 */
public abstract class DataFidelityContract extends StoreContract {
    /** One microsecond. */
    private static final long MICRO = 1_000;

    @Test
    @DisplayName("instants with microseconds come back exactly: record times, an interaction's time, a task's due time")
    void microsecondsAreKept() {
        Instant at = Instant.parse("2025-03-14T09:30:00.000001Z");
        Customer customer = store().customers().save(Fixtures.customer().build());
        Interaction call = store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(at).build());
        Task task = store().tasks().save(Fixtures.task(Fixtures.staffId()).dueAt(at.plusNanos(998_000)).build());

        assertThat(store().customers().get(customer.id()).meta().createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(store().interactions().get(call.id()).occurredAt()).isEqualTo(at);
        assertThat(store().tasks().get(task.id()).dueAt()).isEqualTo(at.plusNanos(998_000));
    }

    @Test
    @DisplayName("times one microsecond apart within one millisecond keep their order: timeline, open tasks, tier history")
    void microsecondsOrderResults() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        Instant base = Instant.parse("2025-03-14T09:30:00.500000Z");
        Interaction first = store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(base.plusNanos(3 * MICRO)).build());
        Interaction second = store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(base.plusNanos(1 * MICRO)).build());
        Interaction third = store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(base.plusNanos(2 * MICRO)).build());
        StaffId rm = Fixtures.staffId();
        Task late = store().tasks().save(Fixtures.task(rm).dueAt(base.plusNanos(2 * MICRO)).build());
        Task early = store().tasks().save(Fixtures.task(rm).dueAt(base.plusNanos(MICRO)).build());
        var gold = Fixtures.tierCode();
        var silver = Fixtures.tierCode();
        store().tiers().append(Fixtures.tierAssignment(customer.id(), gold, null, base.plusNanos(2 * MICRO)));
        store().tiers().append(Fixtures.tierAssignment(customer.id(), silver, gold, base.plusNanos(MICRO)));

        assertThat(store().interactions().timeline(customer.id(), PageRequest.first(10)).items()).containsExactly(first, third, second);
        assertThat(store().tasks().findOpenByAssignee(rm, 10)).containsExactly(early, late);
        assertThat(store().tiers().history(customer.id())).extracting(a -> a.tier()).containsExactly(gold, silver);
        try (var s = store().interactions().stream(base, base.plusNanos(3 * MICRO))) {
            assertThat(s.filter(i -> i.customerId().equals(customer.id())).toList()).as("half-open at a microsecond")
                    .containsExactly(second, third);
        }
    }

    @Test
    @DisplayName("decimals keep every digit: extension decimals, holding quantities and market values with 3 to 6 decimals")
    void decimalsAreKept() {
        Customer built = Fixtures.customer().build()
                .withExtension("fxRate", ExtensionValue.decimal(new BigDecimal("7.123456")))
                .withExtension("ceiling", ExtensionValue.decimal(new BigDecimal("123456789012345.125")));
        Customer customer = store().customers().save(built);
        LinkedAccount account = store().accounts().save(Fixtures.account(customer.id()));
        AccountSnapshot snapshot = new AccountSnapshot(account.id(), Fixtures.TODAY, Money.of("1000.005", "CNY"), List.of(
                new Holding("510300.SH", AssetClass.FUND, new BigDecimal("1234.5678"), Money.of("4321.875", "CNY"))));
        store().accounts().saveSnapshot(snapshot);

        assertThat(customer).isStoredCopyOf(built);
        assertThat(store().customers().get(customer.id())).readsBackAs(customer);
        AccountSnapshot read = store().accounts().latestSnapshot(account.id(), Fixtures.TODAY).orElseThrow();
        assertThat(read.cash()).isEqualTo(snapshot.cash());
        assertThat(read.holdings().get(0).marketValue()).isEqualTo(Money.of("4321.875", "CNY"));
        assertThat(read.holdings().get(0).quantity()).isEqualByComparingTo("1234.5678");
    }

    @Test
    @DisplayName("deleting an account deletes its snapshots: none is found afterwards, not even by a new account under the same id")
    void deletedAccountTakesItsSnapshots() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        LinkedAccount account = store().accounts().save(Fixtures.account(customer.id()));
        LinkedAccount kept = store().accounts().save(Fixtures.account(customer.id()));
        store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY.minusDays(1), "10.00"));
        store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY, "20.00"));
        store().accounts().saveSnapshot(Fixtures.snapshot(kept.id(), Fixtures.TODAY, "30.00"));
        assertThat(store().accounts().snapshots(account.id(), LocalDate.MIN, LocalDate.MAX)).as("open bounds, before the delete").hasSize(2);
        assertThat(store().accounts().latestSnapshot(account.id(), LocalDate.MAX)).as("the latest of all, before the delete").isPresent();

        store().accounts().delete(account.id(), 1);

        assertThat(store().accounts().latestSnapshot(account.id(), Fixtures.TODAY)).isEmpty();
        assertThat(store().accounts().snapshots(account.id(), LocalDate.MIN, LocalDate.MAX)).isEmpty();
        assertThat(store().accounts().latestSnapshots(customer.id(), Fixtures.TODAY)).containsOnlyKeys(kept.id());
        LinkedAccount again = store().accounts().save(new LinkedAccount(account.id(), customer.id(), account.hostSystem(),
                account.externalId(), account.productLine(), account.role(), account.status(), account.currency(),
                account.openedOn(), account.closedOn(), account.maturesOn(), Fixtures.account(customer.id()).meta()));
        assertThat(store().accounts().snapshots(again.id(), LocalDate.MIN, LocalDate.MAX)).as("the re-inserted account's").isEmpty();
    }

    @Test
    @DisplayName("an id inserted again after its delete is a new aggregate: stored and read as version 1, then updated to 2")
    void reinsertedIdStartsAtVersionOne() {
        Customer first = store().customers().save(Fixtures.customer().build());
        Customer v2 = store().customers().save(first.withTag("before-delete"));
        Customer v3 = store().customers().save(v2.withTag("again"));
        store().customers().delete(first.id(), v3.meta().version());
        Customer again = Fixtures.customer().id(first.id()).build();

        Customer stored = store().customers().save(again);

        assertThat(stored).isStoredCopyOf(again).hasVersion(1);
        assertThat(store().customers().get(first.id())).readsBackAs(stored);
        assertThat(store().customers().save(stored.withTag("after"))).hasVersion(2);
        assertThat(store().customers().get(first.id())).hasVersion(2);
    }

    @Test
    @DisplayName("a last page that is exactly full carries no cursor: customers, opportunities by owner and stage, timelines")
    void fullLastPageHasNoCursor() {
        String tag = Fixtures.tag();
        Customer customer = store().customers().save(Fixtures.customer().tag(tag).build());
        for (int i = 0; i < 3; i++) {
            store().customers().save(Fixtures.customer().tag(tag).build());
        }
        Pipeline pipeline = store().pipelines().save(Fixtures.pipeline());
        StaffId owner = Fixtures.staffId();
        for (int i = 0; i < 4; i++) {
            store().opportunities().save(Fixtures.opportunity(customer.id(), pipeline).owner(owner).build());
            store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(Fixtures.NOW.plusSeconds(i)).build());
        }

        assertFullLast(store().customers().find(CustomerQuery.all().tag(tag), PageRequest.first(2)),
                p -> store().customers().find(CustomerQuery.all().tag(tag), p), "customers");
        assertFullLast(store().opportunities().findByOwner(owner, null, PageRequest.first(2)),
                p -> store().opportunities().findByOwner(owner, null, p), "opportunities by owner");
        assertFullLast(store().opportunities().findByStage(pipeline.id(), "LEAD", PageRequest.first(2)),
                p -> store().opportunities().findByStage(pipeline.id(), "LEAD", p), "opportunities by stage");
        assertFullLast(store().interactions().timeline(customer.id(), PageRequest.first(2)),
                p -> store().interactions().timeline(customer.id(), p), "timeline");
        assertThat(store().customers().find(CustomerQuery.all().tag(tag), PageRequest.first(4))).as("one full page of all")
                .satisfies(p -> assertThat(p.items()).hasSize(4)).isLast();
    }

    private static <T> void assertFullLast(Page<T> first, java.util.function.Function<PageRequest, Page<T>> next, String what) {
        assertThat(first.items()).as("%s: first page", what).hasSize(2);
        assertThat(first.hasNext()).as("%s: first page has a cursor", what).isTrue();
        Page<T> last = next.apply(PageRequest.first(2).next(first));
        assertThat(last.items()).as("%s: the full last page", what).hasSize(2);
        assertThat(last.nextCursor()).as("%s: the cursor of a full last page", what).isNull();
    }

    @Test
    @DisplayName("an opportunity's amount keeps its scale-normalised value and currency")
    void moneyIsKept() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        Pipeline pipeline = store().pipelines().save(Fixtures.pipeline());
        Opportunity o = store().opportunities().save(Fixtures.opportunity(customer.id(), pipeline)
                .amount(Money.of("98765432.125", "USD")).build());

        assertThat(store().opportunities().get(o.id()).amount()).isEqualTo(Money.of("98765432.125", "USD"));
    }
}

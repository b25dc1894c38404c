package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes follow every kind of write, committed inside a transaction (the path every
 * service takes) as well as outside one: every query by owner, branch, lifecycle, tier, tag, stage,
 * assignee, opportunity owner, host key and external reference finds exactly the rows that match
 * after inserts, after each kind of attribute change (lifecycle, branch, reassignment of customers,
 * opportunities and tasks, status and due time) and after deletes.
 *
 * <p>Each test runs its scenario twice: once with plain writes and once with the same writes inside
 * {@code inTransaction}, and checks the queries after commit.
 */
public abstract class IndexMaintenanceContract extends StoreContract {

    /** Runs {@code writes} either as plain writes or inside one transaction, and returns their result. */
    private <T> T committed(boolean inTx, Supplier<T> writes) {
        return inTx ? store().inTransaction(writes) : writes.get();
    }

    private static String mode(boolean inTx) {
        return inTx ? "written inside a transaction" : "written outside a transaction";
    }

    private void assertCustomers(CustomerQuery query, List<Customer> expected, boolean inTx) {
        List<Customer> sorted = expected.stream().sorted(Comparator.comparing(Customer::id)).toList();
        assertThat(store().customers().count(query)).as("count(%s), %s", query, mode(inTx)).isEqualTo(sorted.size());
        List<Customer> found = store().customers().find(query, PageRequest.first(50)).items();
        assertThat(found).as("find(%s), %s", query, mode(inTx)).hasSameSizeAs(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(found.get(i)).as("find(%s) item %s, %s", query, i, mode(inTx)).readsBackAs(sorted.get(i));
        }
        try (var stream = store().customers().stream(query)) {
            assertThat(stream.map(Customer::id).toList()).as("stream(%s), %s", query, mode(inTx))
                    .containsExactlyElementsOf(sorted.stream().map(Customer::id).toList());
        }
    }

    private static Customer lifecycle(Customer c, LifecycleStage to) {
        return c.withLifecycleChange(new LifecycleChange(c.lifecycle(), to, Fixtures.TODAY, "moved by the kit",
                Fixtures.NOW, Fixtures.ACTOR));
    }

    @Test
    @DisplayName("inserted customers are found by owner, branch, lifecycle, tier and tag")
    void insertedCustomersAreIndexed() {
        for (boolean inTx : new boolean[] {false, true}) {
            StaffId owner = Fixtures.staffId();
            OrgUnitId branch = Fixtures.orgUnitId();
            TierCode tier = Fixtures.tierCode();
            String tag = Fixtures.tag();
            Customer built = Fixtures.customer().owner(owner).branch(branch).tier(tier).tag(tag)
                    .lifecycle(LifecycleStage.DORMANT).build();
            Customer saved = committed(inTx, () -> store().customers().save(built));

            assertCustomers(CustomerQuery.all().owner(owner), List.of(saved), inTx);
            assertCustomers(CustomerQuery.all().branch(branch), List.of(saved), inTx);
            assertCustomers(CustomerQuery.all().tier(tier), List.of(saved), inTx);
            assertCustomers(CustomerQuery.all().tag(tag), List.of(saved), inTx);
            assertCustomers(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.DORMANT), List.of(saved), inTx);
            assertCustomers(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.PROSPECT), List.of(), inTx);
        }
    }

    @Test
    @DisplayName("a lifecycle change moves the customer between lifecycle queries")
    void lifecycleChangeMovesCustomer() {
        for (boolean inTx : new boolean[] {false, true}) {
            String tag = Fixtures.tag();
            Customer c = store().customers().save(Fixtures.customer().tag(tag).lifecycle(LifecycleStage.ACTIVE).build());
            Customer moved = committed(inTx, () -> store().customers().save(lifecycle(c, LifecycleStage.DORMANT)));

            assertCustomers(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.ACTIVE), List.of(), inTx);
            assertCustomers(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.DORMANT), List.of(moved), inTx);
        }
    }

    @Test
    @DisplayName("a branch change moves the customer between branch queries")
    void branchChangeMovesCustomer() {
        for (boolean inTx : new boolean[] {false, true}) {
            OrgUnitId from = Fixtures.orgUnitId();
            OrgUnitId to = Fixtures.orgUnitId();
            Customer c = store().customers().save(Fixtures.customer().branch(from).build());
            Customer moved = committed(inTx, () -> store().customers().save(c.withBranch(to)));

            assertCustomers(CustomerQuery.all().branch(from), List.of(), inTx);
            assertCustomers(CustomerQuery.all().branch(to), List.of(moved), inTx);
        }
    }

    @Test
    @DisplayName("reassigning a customer moves it between owner queries, and clearing the owner removes it")
    void reassignmentMovesCustomer() {
        for (boolean inTx : new boolean[] {false, true}) {
            StaffId from = Fixtures.staffId();
            StaffId to = Fixtures.staffId();
            Customer c = store().customers().save(Fixtures.customer().owner(from).build());
            Customer other = store().customers().save(Fixtures.customer().owner(from).build());
            Customer moved = committed(inTx, () -> {
                store().customers().save(other.withOwner(null));
                return store().customers().save(c.withOwner(to));
            });

            assertCustomers(CustomerQuery.all().owner(from), List.of(), inTx);
            assertCustomers(CustomerQuery.all().owner(to), List.of(moved), inTx);
        }
    }

    @Test
    @DisplayName("a tier change and a removed tag move the customer between tier and tag queries")
    void tierAndTagChangesMoveCustomer() {
        for (boolean inTx : new boolean[] {false, true}) {
            TierCode gold = Fixtures.tierCode();
            TierCode silver = Fixtures.tierCode();
            String oldTag = Fixtures.tag();
            String newTag = Fixtures.tag();
            Customer c = store().customers().save(Fixtures.customer().tier(gold).tag(oldTag).build());
            Customer moved = committed(inTx,
                    () -> store().customers().save(c.withTier(silver).withoutTag(oldTag).withTag(newTag)));

            assertCustomers(CustomerQuery.all().tier(gold), List.of(), inTx);
            assertCustomers(CustomerQuery.all().tier(silver), List.of(moved), inTx);
            assertCustomers(CustomerQuery.all().tag(oldTag), List.of(), inTx);
            assertCustomers(CustomerQuery.all().tag(newTag), List.of(moved), inTx);
        }
    }

    @Test
    @DisplayName("a deleted customer leaves every customer query")
    void deletedCustomerLeavesQueries() {
        for (boolean inTx : new boolean[] {false, true}) {
            StaffId owner = Fixtures.staffId();
            OrgUnitId branch = Fixtures.orgUnitId();
            TierCode tier = Fixtures.tierCode();
            String tag = Fixtures.tag();
            Customer stays = store().customers().save(Fixtures.customer().owner(owner).branch(branch).tier(tier).tag(tag).build());
            Customer doomed = store().customers().save(Fixtures.customer().owner(owner).branch(branch).tier(tier).tag(tag).build());
            committed(inTx, () -> {
                store().customers().delete(doomed.id(), doomed.meta().version());
                return null;
            });

            assertCustomers(CustomerQuery.all().owner(owner), List.of(stays), inTx);
            assertCustomers(CustomerQuery.all().branch(branch), List.of(stays), inTx);
            assertCustomers(CustomerQuery.all().tier(tier), List.of(stays), inTx);
            assertCustomers(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.PROSPECT), List.of(stays), inTx);
        }
    }

    // opportunities --------------------------------------------------------------------------

    private Pipeline pipeline() {
        return store().pipelines().save(Fixtures.pipeline());
    }

    private Opportunity inStage(Opportunity o, Pipeline pipeline, String stage) {
        return Fixtures.opportunity(o.customerId(), pipeline).id(o.id()).owner(o.owner()).inStage(stage).build()
                .withMeta(o.meta());
    }

    @Test
    @DisplayName("opportunities follow reassignment, stage moves, winning and deletes in owner and stage queries")
    void opportunityQueriesFollowWrites() {
        for (boolean inTx : new boolean[] {false, true}) {
            Pipeline pipeline = pipeline();
            Customer customer = store().customers().save(Fixtures.customer().build());
            StaffId from = Fixtures.staffId();
            StaffId to = Fixtures.staffId();
            Opportunity reassigned = store().opportunities().save(Fixtures.opportunity(customer.id(), pipeline).owner(from).build());
            Opportunity won = store().opportunities().save(Fixtures.opportunity(customer.id(), pipeline).owner(from).build());
            Opportunity doomed = store().opportunities().save(Fixtures.opportunity(customer.id(), pipeline).owner(from).build());
            Opportunity inserted = committed(inTx, () -> store().opportunities().save(
                    Fixtures.opportunity(customer.id(), pipeline).owner(to).inStage("PROPOSAL").build()));
            List<Opportunity> after = committed(inTx, () -> {
                Opportunity r = store().opportunities().save(reassigned.withOwner(to));
                Opportunity w = store().opportunities().save(inStage(won, pipeline, "WON"));
                store().opportunities().delete(doomed.id(), doomed.meta().version());
                return List.of(r, w);
            });
            Opportunity r = after.get(0);
            Opportunity w = after.get(1);

            assertThat(store().opportunities().findByOwner(from, null, PageRequest.first(50)).items())
                    .as("the old owner's opportunities, %s", mode(inTx)).containsExactly(w);
            assertThat(store().opportunities().findByOwner(from, OpportunityStatus.OPEN, PageRequest.first(50)).items())
                    .as("the old owner's open opportunities, %s", mode(inTx)).isEmpty();
            assertThat(store().opportunities().findByOwner(from, OpportunityStatus.WON, PageRequest.first(50)).items())
                    .as("the old owner's won opportunities, %s", mode(inTx)).containsExactly(w);
            assertThat(store().opportunities().findByOwner(to, null, PageRequest.first(50)).items())
                    .as("the new owner's opportunities, %s", mode(inTx))
                    .containsExactlyElementsOf(sorted(List.of(r, inserted)));
            assertThat(store().opportunities().findByStage(pipeline.id(), "LEAD", PageRequest.first(50)).items())
                    .as("the LEAD stage, %s", mode(inTx)).containsExactly(r);
            assertThat(store().opportunities().findByStage(pipeline.id(), "WON", PageRequest.first(50)).items())
                    .as("the WON stage, %s", mode(inTx)).containsExactly(w);
            assertThat(store().opportunities().findByStage(pipeline.id(), "PROPOSAL", PageRequest.first(50)).items())
                    .as("the PROPOSAL stage, %s", mode(inTx)).containsExactly(inserted);
            assertThat(store().opportunities().findByCustomer(customer.id()))
                    .as("the customer's opportunities, %s", mode(inTx)).containsExactlyElementsOf(sorted(List.of(r, w, inserted)));
        }
    }

    private static List<Opportunity> sorted(List<Opportunity> list) {
        return list.stream().sorted(Comparator.comparing(Opportunity::id)).toList();
    }

    // tasks ----------------------------------------------------------------------------------

    @Test
    @DisplayName("open-task lists follow reassignment, completion, a new due time and deletes")
    void taskListsFollowWrites() {
        for (boolean inTx : new boolean[] {false, true}) {
            StaffId from = Fixtures.staffId();
            StaffId to = Fixtures.staffId();
            Customer customer = store().customers().save(Fixtures.customer().build());
            Task reassigned = store().tasks().save(Fixtures.task(from).customer(customer.id()).dueAt(Fixtures.NOW.plusSeconds(10)).build());
            Task completed = store().tasks().save(Fixtures.task(from).customer(customer.id()).build());
            Task doomed = store().tasks().save(Fixtures.task(from).customer(customer.id()).build());
            Task early = store().tasks().save(Fixtures.task(to).dueAt(Fixtures.NOW.plusSeconds(20)).build());
            Task late = store().tasks().save(Fixtures.task(to).dueAt(Fixtures.NOW.plusSeconds(30)).build());
            Task inserted = committed(inTx, () -> store().tasks().save(Fixtures.task(from).customer(customer.id()).build()));
            List<Task> after = committed(inTx, () -> {
                Task r = store().tasks().save(reassigned.withAssignee(to));
                Task c = store().tasks().save(completed.withStatus(TaskStatus.DONE, Fixtures.NOW));
                Task l = store().tasks().save(late.withDue(Fixtures.NOW.plusSeconds(5), null));
                store().tasks().delete(doomed.id(), doomed.meta().version());
                return List.of(r, c, l);
            });

            assertThat(store().tasks().findOpenByAssignee(from, 100)).as("the old assignee's open tasks, %s", mode(inTx))
                    .containsExactly(inserted);
            assertThat(store().tasks().findOpenByAssignee(to, 100)).as("the new assignee's open tasks by due time, %s", mode(inTx))
                    .containsExactly(after.get(2), after.get(0), early);
            assertThat(store().tasks().findByCustomer(customer.id())).as("the customer's tasks, %s", mode(inTx))
                    .containsExactlyElementsOf(List.of(after.get(0), after.get(1), inserted).stream()
                            .sorted(Comparator.comparing(Task::id)).toList());
        }
    }

    // accounts, interactions, contacts -------------------------------------------------------

    @Test
    @DisplayName("linked accounts are found by customer and host key after an insert, and by neither after a delete")
    void accountQueriesFollowWrites() {
        for (boolean inTx : new boolean[] {false, true}) {
            Customer customer = store().customers().save(Fixtures.customer().build());
            LinkedAccount kept = store().accounts().save(Fixtures.account(customer.id()));
            LinkedAccount doomed = store().accounts().save(Fixtures.account(customer.id()));
            LinkedAccount inserted = committed(inTx, () -> store().accounts().save(Fixtures.account(customer.id())));
            committed(inTx, () -> {
                store().accounts().delete(doomed.id(), doomed.meta().version());
                return null;
            });

            assertThat(store().accounts().findByCustomer(customer.id())).as("the customer's accounts, %s", mode(inTx))
                    .containsExactlyElementsOf(List.of(kept, inserted).stream().sorted(Comparator.comparing(LinkedAccount::id)).toList());
            assertThat(store().accounts().findByExternalId(inserted.hostSystem(), inserted.externalId()))
                    .as("by the inserted account's host key, %s", mode(inTx)).containsExactly(inserted);
            assertThat(store().accounts().findByExternalId(doomed.hostSystem(), doomed.externalId()))
                    .as("by the deleted account's host key, %s", mode(inTx)).isEmpty();
            LinkedAccount relinked = store().accounts().save(Fixtures.account(customer.id(), doomed.hostSystem(), doomed.externalId()));
            assertThat(store().accounts().findByExternalId(doomed.hostSystem(), doomed.externalId()))
                    .as("the freed host key linked again, %s", mode(inTx)).containsExactly(relinked);
        }
    }

    @Test
    @DisplayName("a deleted interaction leaves the timeline, the count and the external-reference index, which is free again")
    void interactionQueriesFollowDeletes() {
        for (boolean inTx : new boolean[] {false, true}) {
            Customer customer = store().customers().save(Fixtures.customer().build());
            Interaction kept = store().interactions().save(Fixtures.interaction(customer.id()).build());
            Interaction doomed = store().interactions().save(Fixtures.interaction(customer.id())
                    .occurredAt(Fixtures.NOW.plusSeconds(1)).build());
            Interaction inserted = committed(inTx, () -> store().interactions().save(Fixtures.interaction(customer.id())
                    .occurredAt(Fixtures.NOW.minusSeconds(1)).build()));
            committed(inTx, () -> {
                store().interactions().delete(doomed.id(), doomed.meta().version());
                return null;
            });

            assertThat(store().interactions().findByExternalRef(doomed.externalRef())).as("the deleted one's reference, %s", mode(inTx)).isEmpty();
            assertThat(store().interactions().findByExternalRef(inserted.externalRef())).as("the inserted one's reference, %s", mode(inTx))
                    .contains(inserted);
            assertThat(store().interactions().countByCustomer(customer.id())).as("count, %s", mode(inTx)).isEqualTo(2);
            assertThat(store().interactions().timeline(customer.id(), PageRequest.first(10)).items())
                    .as("timeline, %s", mode(inTx)).containsExactly(kept, inserted);
            Interaction again = store().interactions().save(Fixtures.interaction(customer.id()).externalRef(doomed.externalRef()).build());
            assertThat(store().interactions().findByExternalRef(doomed.externalRef())).as("the freed reference used again, %s", mode(inTx))
                    .contains(again);
        }
    }

    @Test
    @DisplayName("contacts are listed by customer after an insert and leave the list after a delete")
    void contactQueriesFollowWrites() {
        for (boolean inTx : new boolean[] {false, true}) {
            Customer customer = store().customers().save(Fixtures.customer().build());
            Contact doomed = store().contacts().save(Fixtures.contact(customer.id()));
            Contact inserted = committed(inTx, () -> {
                Contact c = store().contacts().save(Fixtures.contact(customer.id()));
                store().contacts().delete(doomed.id(), doomed.meta().version());
                return c;
            });

            assertThat(store().contacts().findByCustomer(customer.id())).as("the customer's contacts, %s", mode(inTx))
                    .containsExactly(inserted);
        }
    }
}

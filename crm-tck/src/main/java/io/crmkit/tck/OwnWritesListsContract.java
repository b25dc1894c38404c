package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.tck.fixtures.AlertBuilder;
import io.crmkit.tck.fixtures.CaseBuilder;
import io.crmkit.tck.fixtures.ConsentFixtures;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Inside {@link io.crmkit.core.spi.CrmStore#inTransaction}, the list reads by a secondary key (a
 * customer's contacts, accounts, relationships, opportunities, tasks, alerts, cases and consents; an
 * assignee's open tasks and an owner's open alerts; a unit's staff) see the transaction's own inserts, updates and deletes, as they would on a database
 * that flushes before a query. A store that answers them from committed rows only lets a unit of work
 * act on a list it has already changed (a merge moving a contact it just deleted, a check counting a
 * task it just closed).
 */
public abstract class OwnWritesListsContract extends StoreContract {

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    /**
     * With {@code kept} and {@code doomed} committed: inside one transaction insert {@code fresh},
     * update {@code kept}, delete {@code doomed}; the list must show exactly the fresh row and the
     * updated one (at its new version), inside and after the commit.
     */
    private <A extends Aggregate<I, A>, I> void seesOwnWrites(String what, Repository<A, I> repo, Supplier<List<A>> list,
            A kept, A doomed, A fresh) {
        A keptSaved = repo.save(kept);
        A doomedSaved = repo.save(doomed);
        assertThat(ids(list.get())).as("%s before the transaction", what).contains(keptSaved.id(), doomedSaved.id());
        store().runInTransaction(() -> {
            A freshSaved = repo.save(fresh);
            assertThat(ids(list.get())).as("%s after its own insert", what).contains(freshSaved.id());
            A keptV2 = repo.save(keptSaved);
            assertThat(versionOf(list.get(), keptV2.id())).as("%s after its own update", what).isEqualTo(keptV2.meta().version());
            repo.delete(doomedSaved.id(), doomedSaved.meta().version());
            assertThat(ids(list.get())).as("%s after its own delete", what).doesNotContain(doomedSaved.id())
                    .contains(freshSaved.id(), keptV2.id());
            assertThat(list.get()).as("%s lists each row once", what).doesNotHaveDuplicates();
        });
        assertThat(ids(list.get())).as("%s after the commit", what).contains(fresh.id(), keptSaved.id())
                .doesNotContain(doomedSaved.id());
    }

    private static <A extends Aggregate<I, A>, I> List<I> ids(List<A> rows) {
        return rows.stream().map(Aggregate::id).toList();
    }

    private static <A extends Aggregate<I, A>, I> long versionOf(List<A> rows, I id) {
        return rows.stream().filter(r -> r.id().equals(id)).mapToLong(r -> r.meta().version()).findFirst().orElse(-1);
    }

    @Test
    @DisplayName("a customer's contacts inside a transaction show its own inserts, updates and deletes")
    void contactsByCustomer() {
        CustomerId c = customer();
        seesOwnWrites("contacts", store().contacts(), () -> store().contacts().findByCustomer(c),
                Fixtures.contact(c), Fixtures.contact(c), Fixtures.contact(c));
    }

    @Test
    @DisplayName("a customer's accounts inside a transaction show its own inserts, updates and deletes")
    void accountsByCustomer() {
        CustomerId c = customer();
        seesOwnWrites("accounts", store().accounts(), () -> store().accounts().findByCustomer(c),
                Fixtures.account(c), Fixtures.account(c), Fixtures.account(c));
    }

    @Test
    @DisplayName("a customer's relationships, either side, inside a transaction show its own inserts, updates and deletes")
    void relationshipsByCustomer() {
        CustomerId c = customer();
        Relationship from = Fixtures.relationship(c, customer());
        Relationship to = Fixtures.relationship(customer(), c);
        seesOwnWrites("relationships", store().relationships(), () -> store().relationships().findByCustomer(c),
                from, to, Fixtures.relationship(c, customer()));
        seesOwnWrites("relationships in a batch", store().relationships(),
                () -> store().relationships().findByCustomers(List.of(c)), Fixtures.relationship(customer(), c),
                Fixtures.relationship(c, customer()), Fixtures.relationship(customer(), c));
    }

    @Test
    @DisplayName("a customer's opportunities inside a transaction show its own inserts, updates and deletes")
    void opportunitiesByCustomer() {
        CustomerId c = customer();
        Pipeline p = store().pipelines().save(Fixtures.pipeline());
        seesOwnWrites("opportunities", store().opportunities(), () -> store().opportunities().findByCustomer(c),
                Fixtures.opportunity(c, p).build(), Fixtures.opportunity(c, p).build(), Fixtures.opportunity(c, p).build());
        seesOwnWrites("opportunities in a batch", store().opportunities(),
                () -> store().opportunities().findByCustomers(List.of(c)), Fixtures.opportunity(c, p).build(),
                Fixtures.opportunity(c, p).build(), Fixtures.opportunity(c, p).build());
    }

    @Test
    @DisplayName("a customer's tasks, single and in a batch, inside a transaction show its own inserts, updates and deletes")
    void tasksByCustomer() {
        CustomerId c = customer();
        var rm = Fixtures.staffId();
        seesOwnWrites("tasks", store().tasks(), () -> store().tasks().findByCustomer(c),
                Fixtures.task(rm).customer(c).build(), Fixtures.task(rm).customer(c).build(), Fixtures.task(rm).customer(c).build());
        seesOwnWrites("tasks in a batch", store().tasks(), () -> store().tasks().findByCustomers(List.of(c)),
                Fixtures.task(rm).customer(c).build(), Fixtures.task(rm).customer(c).build(), Fixtures.task(rm).customer(c).build());
    }

    @Test
    @DisplayName("an assignee's open tasks inside a transaction show its own new tasks and drop the ones it closed or deleted")
    void openTasksByAssignee() {
        var rm = Fixtures.staffId();
        seesOwnWrites("open tasks", store().tasks(), () -> store().tasks().findOpenByAssignee(rm, 100),
                Fixtures.task(rm).build(), Fixtures.task(rm).build(), Fixtures.task(rm).build());
        Task open = store().tasks().save(Fixtures.task(rm).build());
        store().runInTransaction(() -> {
            Task done = store().tasks().save(Fixtures.task(rm).id(open.id()).status(TaskStatus.DONE).build().withMeta(open.meta()));
            assertThat(store().tasks().findOpenByAssignee(rm, 100)).as("open tasks after closing one").extracting(Task::id)
                    .doesNotContain(done.id());
        });
    }

    @Test
    @DisplayName("a unit's staff inside a transaction show its own new staff and drop the ones it moved to another unit")
    void staffByUnit() {
        OrgUnit unit = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.BRANCH, null));
        OrgUnit other = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.BRANCH, null));
        seesOwnWrites("staff", store().staff(), () -> store().staff().findByUnit(unit.id()),
                Fixtures.staff(unit.id()), Fixtures.staff(unit.id()), Fixtures.staff(unit.id()));
        Staff mover = store().staff().save(Fixtures.staff(unit.id()));
        store().runInTransaction(() -> {
            Staff moved = store().staff().save(new Staff(mover.id(), mover.displayName(), other.id(), mover.roles(), mover.active(),
                    mover.meta()));
            assertThat(store().staff().findByUnit(unit.id())).as("the old unit after the move").extracting(Staff::id)
                    .doesNotContain(moved.id());
            assertThat(store().staff().findByUnit(other.id())).as("the new unit after the move").extracting(Staff::id)
                    .contains(moved.id());
        });
    }

    @Test
    @DisplayName("a contact moved to another customer inside a transaction leaves the one list and joins the other")
    void contactMovedBetweenCustomers() {
        CustomerId a = customer();
        CustomerId b = customer();
        Contact c = store().contacts().save(Fixtures.contact(a));
        store().runInTransaction(() -> {
            Contact moved = store().contacts().save(new Contact(c.id(), b, c.name(), c.title(), c.department(), c.salutation(),
                    c.primary(), c.contactPoints(), c.personCustomerId(), c.meta()));
            assertThat(store().contacts().findByCustomer(a)).as("the old customer's contacts").extracting(Contact::id)
                    .doesNotContain(moved.id());
            assertThat(store().contacts().findByCustomer(b)).as("the new customer's contacts").extracting(Contact::id)
                    .containsExactly(moved.id());
        });
    }

    @Test
    @DisplayName("a customer's alerts and an owner's open alerts inside a transaction show its own inserts, updates and deletes")
    void alerts() {
        CustomerId c = customer();
        var owner = Fixtures.staffId();
        seesOwnWrites("alerts", store().alerts(), () -> store().alerts().findByCustomer(c),
                AlertBuilder.alert(c).build(), AlertBuilder.alert(c).build(), AlertBuilder.alert(c).build());
        seesOwnWrites("open alerts", store().alerts(), () -> store().alerts().findOpenByOwner(owner, 100),
                AlertBuilder.alert(c).owner(owner).build(), AlertBuilder.alert(c).owner(owner).build(),
                AlertBuilder.alert(c).owner(owner).build());
    }

    @Test
    @DisplayName("a customer's service cases inside a transaction show its own inserts, updates and deletes")
    void cases() {
        CustomerId c = customer();
        seesOwnWrites("cases", store().cases(), () -> store().cases().findByCustomer(c),
                CaseBuilder.serviceCase(c).build(), CaseBuilder.serviceCase(c).build(), CaseBuilder.serviceCase(c).build());
    }

    @Test
    @DisplayName("consents, by customer and in a batch, inside a transaction show its own inserts, updates and deletes")
    void consents() {
        CustomerId c = customer();
        seesOwnWrites("consents", store().consents(), () -> store().consents().findByCustomer(c),
                consent(c, ContactPointKind.PHONE), consent(c, ContactPointKind.EMAIL), consent(c, ContactPointKind.POSTAL));
        CustomerId d = customer();
        seesOwnWrites("consents in a batch", store().consents(), () -> store().consents().findByCustomers(List.of(c, d)),
                consent(d, ContactPointKind.PHONE), consent(d, ContactPointKind.EMAIL), consent(d, ContactPointKind.POSTAL));
    }

    private static ConsentRecord consent(CustomerId c, ContactPointKind point) {
        return ConsentFixtures.granted(ConsentFixtures.consentId(), c, point, ConsentPurpose.MARKETING);
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a rollback undoes beyond inserts and updates: deletes (with everything the deleted row
 * held: natural keys, index entries, an account's snapshots) and reference data (tier definitions,
 * pipelines); and the rollback-only rule of {@link CrmStore#inTransaction}: when a nested unit
 * fails and the outer work catches the failure, the whole transaction rolls back and the outer call
 * throws {@link StoreException}, on every store, through the store and through
 * {@code Crm.inTransaction}.
 */
public abstract class RollbackContract extends StoreContract {

    /** The failure the tests throw to roll back. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back by the compatibility kit", null, false, false);
        }
    }

    private void rolledBack(Runnable work) {
        thrown(Rollback.class, () -> store().runInTransaction(() -> {
            work.run();
            throw new Rollback();
        }));
    }

    @Test
    @DisplayName("a rolled-back delete leaves the customer, its identifiers and its index entries as they were")
    void rollbackUndoesCustomerDelete() {
        StaffId owner = Fixtures.staffId();
        String tag = Fixtures.tag();
        Customer customer = store().customers().save(Fixtures.customer().owner(owner).tag(tag).build());
        Identifier national = customer.identifier(IdentifierType.NATIONAL_ID).orElseThrow();

        rolledBack(() -> store().customers().delete(customer.id(), 1));

        assertThat(store().customers().get(customer.id())).readsBackAs(customer);
        assertThat(store().customers().findByIdentifier(national)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(customer.id()));
        assertThat(store().customers().count(CustomerQuery.all().owner(owner))).isEqualTo(1);
        assertThat(store().customers().count(CustomerQuery.all().tag(tag))).isEqualTo(1);
        thrown(io.crmkit.core.error.DuplicateKeyException.class,
                () -> store().customers().save(Fixtures.customer().identifiers(national).build()));
    }

    @Test
    @DisplayName("a rolled-back delete of an account, an interaction and a task leaves them, their snapshots, keys and lists as they were")
    void rollbackUndoesOtherDeletes() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        LinkedAccount account = store().accounts().save(Fixtures.account(customer.id()));
        store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY, "10.00"));
        Interaction call = store().interactions().save(Fixtures.interaction(customer.id()).build());
        StaffId rm = Fixtures.staffId();
        Task task = store().tasks().save(Fixtures.task(rm).customer(customer.id()).build());

        rolledBack(() -> {
            store().accounts().delete(account.id(), 1);
            store().interactions().delete(call.id(), 1);
            store().tasks().delete(task.id(), 1);
        });

        assertThat(store().accounts().findByCustomer(customer.id())).containsExactly(account);
        assertThat(store().accounts().findByExternalId(account.hostSystem(), account.externalId())).containsExactly(account);
        assertThat(store().accounts().latestSnapshot(account.id(), Fixtures.TODAY)).as("the deleted account's snapshot").isPresent();
        assertThat(store().interactions().findByExternalRef(call.externalRef())).contains(call);
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
        assertThat(store().tasks().findOpenByAssignee(rm, 10)).containsExactly(task);
        assertThat(store().tasks().findByCustomer(customer.id())).containsExactly(task);
    }

    @Test
    @DisplayName("a rollback undoes a new tier definition and a replaced one")
    void rollbackUndoesTierDefinitions() {
        TierDefinition kept = Fixtures.tierDefinition(40);
        store().tiers().saveDefinition(kept);
        TierDefinition added = Fixtures.tierDefinition(41);

        rolledBack(() -> {
            store().tiers().saveDefinition(added);
            store().tiers().saveDefinition(new TierDefinition(kept.code(), "Renamed in a rolled-back transaction", 99));
        });

        assertThat(store().tiers().definitions()).contains(kept).doesNotContain(added)
                .noneMatch(d -> d.code().equals(added.code()) || d.rank() == 99 && d.code().equals(kept.code()));
    }

    @Test
    @DisplayName("a rollback undoes a pipeline's insert, update and delete")
    void rollbackUndoesPipelines() {
        Pipeline updated = store().pipelines().save(Fixtures.pipeline());
        Pipeline deleted = store().pipelines().save(Fixtures.pipeline());
        Pipeline inserted = Fixtures.pipeline();

        rolledBack(() -> {
            store().pipelines().save(inserted);
            store().pipelines().save(new Pipeline(updated.id(), "Renamed in a rolled-back transaction", updated.stages(), updated.meta()));
            store().pipelines().delete(deleted.id(), 1);
        });

        assertThat(store().pipelines().findById(inserted.id())).isEmpty();
        assertThat(store().pipelines().get(updated.id())).readsBackAs(updated);
        assertThat(store().pipelines().get(deleted.id())).readsBackAs(deleted);
        assertThat(store().pipelines().findAll()).contains(updated, deleted).doesNotContain(inserted);
    }

    @Test
    @DisplayName("a nested unit that fails, caught by the outer work, rolls back the whole: the outer call throws StoreException and nothing is written")
    void nestedFailureCaughtByOuterRollsBackEverything() {
        Customer outer = Fixtures.customer().build();
        Customer inner = Fixtures.customer().build();
        Customer existing = store().customers().save(Fixtures.customer().build());
        AtomicReference<Throwable> caughtInside = new AtomicReference<>();

        Throwable thrown = thrown(StoreException.class, () -> store().runInTransaction(() -> {
            store().customers().save(outer);
            store().customers().save(existing.withTag("doomed"));
            try {
                store().runInTransaction(() -> {
                    store().customers().save(inner);
                    throw new Rollback();
                });
            } catch (Rollback e) {
                caughtInside.set(e);
            }
        }));

        assertThat(caughtInside.get()).as("the nested unit's own exception, seen inside").isInstanceOf(Rollback.class);
        assertThat(thrown).isInstanceOf(StoreException.class);
        assertThat(store().customers().findById(outer.id())).as("the outer write").isEmpty();
        assertThat(store().customers().findById(inner.id())).as("the nested write").isEmpty();
        assertThat(store().customers().get(existing.id())).as("the outer update").readsBackAs(existing);
    }

    @Test
    @DisplayName("through Crm.inTransaction, a failed nested service unit caught by the outer one rolls back both and the outer call throws StoreException")
    void nestedServiceFailureRollsBackThroughTheServices() {
        Crm crm = Crm.builder().store(store()).build();
        CrmSession session = crm.as(Actor.system("tck-job"));
        Identifier outerId = ValidIdentifiers.nationalId();
        Identifier innerId = ValidIdentifiers.nationalId();

        thrown(StoreException.class, () -> session.inTransaction(() -> {
            session.customers().register(NewCustomer.individual("Outer Unit").identifier(outerId).build());
            try {
                session.inTransaction(() -> {
                    session.customers().register(NewCustomer.individual("Inner Unit").identifier(innerId).build());
                    throw new Rollback();
                });
            } catch (Rollback expected) {
                // the outer unit carries on, but the transaction is doomed
            }
            return null;
        }));

        assertThat(store().customers().findByIdentifier(outerId)).as("the outer unit's customer").isEmpty();
        assertThat(store().customers().findByIdentifier(innerId)).as("the nested unit's customer").isEmpty();
    }
}

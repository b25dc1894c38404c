package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;
import static io.crmkit.tck.assertions.CrmAssertions.thrownConflict;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CrmStore#inTransaction}: several aggregates commit together or not at all (no version
 * bumps, no snapshots or tier history left behind), the exception is rethrown as is, a nested
 * call joins the outer transaction, a conflict or duplicate key inside undoes the whole, reads
 * inside see the transaction's own writes by id, and nothing of a transaction lingers on the thread.
 */
public abstract class TransactionContract extends StoreContract {

    /** The failure the tests throw to roll back; must come out of inTransaction as the same instance. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back by the compatibility kit", null, false, false);
        }
    }

    private Customer savedCustomer() {
        return store().customers().save(Fixtures.customer().build());
    }

    /** Reads on another thread, which must see only committed data. */
    private <T> T fromAnotherThread(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("writes to several aggregates commit together and are visible to other threads afterwards")
    void commitsSeveralAggregatesTogether() throws Exception {
        Customer customer = Fixtures.customer().build();
        Contact contact = Fixtures.contact(customer.id());
        Interaction call = Fixtures.interaction(customer.id()).build();
        LinkedAccount account = Fixtures.account(customer.id());

        String result = store().inTransaction(() -> {
            store().customers().save(customer);
            store().contacts().save(contact);
            store().interactions().save(call);
            store().accounts().save(account);
            store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY, "10.00"));
            store().tiers().append(Fixtures.tierAssignment(customer.id(), Fixtures.tierCode(), null, Fixtures.NOW));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(fromAnotherThread(() -> store().customers().findById(customer.id()))).hasValueSatisfying(c -> assertThat(c).hasVersion(1));
        assertThat(fromAnotherThread(() -> store().contacts().findById(contact.id()))).isPresent();
        assertThat(fromAnotherThread(() -> store().interactions().findById(call.id()))).isPresent();
        assertThat(fromAnotherThread(() -> store().accounts().latestSnapshot(account.id(), Fixtures.TODAY))).isPresent();
        assertThat(fromAnotherThread(() -> store().tiers().history(customer.id()))).hasSize(1);
    }

    @Test
    @DisplayName("an exception undoes every write of the transaction, version bumps included, and comes out as is")
    void exceptionRollsBackEverything() {
        Customer customer = savedCustomer();
        Contact contact = store().contacts().save(Fixtures.contact(customer.id()));
        LinkedAccount account = store().accounts().save(Fixtures.account(customer.id()));
        Contact newContact = Fixtures.contact(customer.id());
        Interaction call = Fixtures.interaction(customer.id()).build();
        Rollback failure = new Rollback();

        Throwable thrown = thrown(Rollback.class, () -> store().runInTransaction(() -> {
            store().customers().save(customer.withTag("in-rolled-back-tx"));
            store().contacts().save(contact.withPrimary(true));
            store().contacts().save(newContact);
            store().interactions().save(call);
            store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), Fixtures.TODAY, "10.00"));
            store().tiers().append(Fixtures.tierAssignment(customer.id(), Fixtures.tierCode(), null, Fixtures.NOW));
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(store().customers().get(customer.id())).readsBackAs(customer);
        assertThat(store().contacts().get(contact.id())).readsBackAs(contact);
        assertThat(store().contacts().findById(newContact.id())).isEmpty();
        assertThat(store().interactions().findById(call.id())).isEmpty();
        assertThat(store().interactions().findByExternalRef(call.externalRef())).isEmpty();
        assertThat(store().accounts().latestSnapshot(account.id(), Fixtures.TODAY)).isEmpty();
        assertThat(store().tiers().history(customer.id())).isEmpty();
        assertThat(store().customers().save(customer.withTag("after"))).as("version 1 is still current").hasVersion(2);
    }

    @Test
    @DisplayName("a nested inTransaction joins the outer one: it sees the outer writes and rolls back with it")
    void nestedJoinsOuter() {
        Customer outer = Fixtures.customer().build();
        Customer inner = Fixtures.customer().build();

        thrown(Rollback.class, () -> store().runInTransaction(() -> {
            store().customers().save(outer);
            Optional<Customer> seenInside = store().inTransaction(() -> {
                store().customers().save(inner);
                return store().customers().findById(outer.id());
            });
            assertThat(seenInside).as("the outer write, seen from the nested call").isPresent();
            throw new Rollback();
        }));

        assertThat(store().customers().findById(outer.id())).isEmpty();
        assertThat(store().customers().findById(inner.id())).as("the nested write, after the outer rollback").isEmpty();
    }

    @Test
    @DisplayName("a nested inTransaction that completes commits only when the outer one does")
    void nestedCommitsWithOuter() {
        Customer outer = Fixtures.customer().build();
        Customer inner = Fixtures.customer().build();

        store().runInTransaction(() -> {
            store().customers().save(outer);
            store().runInTransaction(() -> store().customers().save(inner));
        });

        assertThat(store().customers().findById(outer.id())).isPresent();
        assertThat(store().customers().findById(inner.id())).isPresent();
    }

    @Test
    @DisplayName("a ConflictException inside comes out of inTransaction and undoes the earlier writes")
    void conflictInsideRollsBackWhole() {
        Customer stale = savedCustomer();
        Customer current = store().customers().save(stale.withTag("moved-on"));
        Customer fresh = Fixtures.customer().build();
        Interaction call = Fixtures.interaction(current.id()).build();

        thrownConflict(() -> store().runInTransaction(() -> {
            store().customers().save(fresh);
            store().interactions().save(call);
            store().customers().save(stale.withTag("lost-update"));
        }));

        assertThat(store().customers().findById(fresh.id())).isEmpty();
        assertThat(store().interactions().findById(call.id())).isEmpty();
        assertThat(store().customers().get(current.id())).readsBackAs(current);
    }

    @Test
    @DisplayName("a DuplicateKeyException inside comes out of inTransaction and undoes the earlier writes")
    void duplicateKeyInsideRollsBackWhole() {
        Customer customer = savedCustomer();
        Interaction recorded = store().interactions().save(Fixtures.interaction(customer.id()).build());
        Customer updated = customer.withTag("in-tx");
        Interaction replay = Fixtures.interaction(customer.id()).externalRef(recorded.externalRef()).build();

        thrownDuplicateKey(() -> store().runInTransaction(() -> {
            store().customers().save(updated);
            store().interactions().save(replay);
        }));

        assertThat(store().customers().get(customer.id())).readsBackAs(customer);
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("inside a transaction, recording an already committed external reference throws DuplicateKeyException at the save, and the transaction can go on and commit")
    void duplicateExternalRefInsideIsRefusedAtTheWrite() {
        Customer customer = savedCustomer();
        Interaction recorded = store().interactions().save(Fixtures.interaction(customer.id()).build());
        Interaction replay = Fixtures.interaction(customer.id()).externalRef(recorded.externalRef()).build();

        Customer updated = store().inTransaction(() -> {
            DuplicateKeyException e = thrownDuplicateKey(() -> store().interactions().save(replay));
            assertThat(e.key()).isEqualTo("externalRef");
            return store().customers().save(customer.withTag("recorded-once"));
        });

        assertThat(store().customers().get(customer.id())).readsBackAs(updated);
        assertThat(store().interactions().findById(replay.id())).isEmpty();
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("inside a transaction, taking a committed customer's identifier throws DuplicateKeyException at the save")
    void duplicateIdentifierInsideIsRefusedAtTheWrite() {
        Customer holder = savedCustomer();
        Identifier taken = holder.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Customer clash = Fixtures.customer().identifiers(taken).build();

        store().runInTransaction(() -> assertThat(thrownDuplicateKey(() -> store().customers().save(clash)).key())
                .isEqualTo("identifier"));

        assertThat(store().customers().findById(clash.id())).isEmpty();
        assertThat(store().customers().findByIdentifier(taken)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(holder.id()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("other threads see a transaction's insert and update only after it commits")
    void othersSeeWritesOnlyAfterCommit() throws Exception {
        Customer existing = savedCustomer();
        Customer fresh = Fixtures.customer().build();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> store().runInTransaction(() -> {
            store().customers().save(fresh);
            store().customers().save(existing.withTag("not-yet-committed"));
            written.countDown();
            try {
                checked.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).as("the writer reached its uncommitted state").isTrue();
        try {
            assertThat(store().customers().findById(fresh.id())).as("an uncommitted insert").isEmpty();
            assertThat(store().customers().get(existing.id())).as("an uncommitted update").readsBackAs(existing);
        } finally {
            checked.countDown();
        }
        writer.get(30, TimeUnit.SECONDS);

        assertThat(store().customers().findById(fresh.id())).isPresent();
        assertThat(store().customers().get(existing.id())).hasVersion(2);
    }

    @Test
    @DisplayName("reads inside a transaction see its own inserts, updates (also of its own inserts) and deletes by id")
    void readsInsideSeeOwnWrites() {
        Customer existing = savedCustomer();
        Contact doomed = store().contacts().save(Fixtures.contact(existing.id()));
        Customer fresh = Fixtures.customer().build();

        store().runInTransaction(() -> {
            store().customers().save(fresh);
            assertThat(store().customers().findById(fresh.id())).hasValueSatisfying(c -> assertThat(c).hasVersion(1));
            Customer freshV2 = store().customers().save(store().customers().get(fresh.id()).withTag("inserted-then-updated"));
            assertThat(store().customers().get(fresh.id())).hasVersion(2).readsBackAs(freshV2);
            Customer v2 = store().customers().save(existing.withTag("inside"));
            assertThat(store().customers().get(existing.id())).readsBackAs(v2);
            Customer v3 = store().customers().save(v2.withTag("inside-again"));
            assertThat(store().customers().get(existing.id())).hasVersion(3).readsBackAs(v3);
            store().contacts().delete(doomed.id(), doomed.meta().version());
            assertThat(store().contacts().findById(doomed.id())).isEmpty();
        });

        assertThat(store().customers().get(existing.id())).hasVersion(3);
        assertThat(store().customers().get(fresh.id())).hasVersion(2);
        assertThat(store().contacts().findById(doomed.id())).isEmpty();
    }

    @Test
    @DisplayName("after a rolled-back transaction, plain writes on the same thread commit at once")
    void nothingLingersAfterRollback() throws Exception {
        thrown(Rollback.class, () -> store().runInTransaction(() -> {
            store().customers().save(Fixtures.customer().build());
            throw new Rollback();
        }));

        Customer after = savedCustomer();

        assertThat(fromAnotherThread(() -> store().customers().findById(after.id()))).isPresent();
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;

import io.crmkit.core.Crm;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Inside {@link CrmStore#inTransaction}: the transaction reads its own writes by id and by every
 * natural key (identifiers, external references), a natural key taken by an earlier write of the
 * same transaction is refused at the save (not only at commit), a key the transaction freed may be
 * taken again, and through the services an external reference recorded twice in one unit of work
 * is recorded once.
 */
public abstract class OwnWritesContract extends StoreContract {

    @Test
    @DisplayName("inside a transaction, findByIdentifier finds its own insert by every identifier, and by none after its own delete")
    void findsOwnInsertByIdentifier() {
        Customer fresh = Fixtures.customer().institution().build();

        store().runInTransaction(() -> {
            Customer saved = store().customers().save(fresh);
            for (Identifier identifier : fresh.identifiers()) {
                assertThat(store().customers().findByIdentifier(identifier)).as("lookup by %s inside", identifier.type())
                        .hasValueSatisfying(c -> assertThat(c).readsBackAs(saved));
            }
            store().customers().delete(saved.id(), saved.meta().version());
            for (Identifier identifier : fresh.identifiers()) {
                assertThat(store().customers().findByIdentifier(identifier)).as("lookup by %s after the delete", identifier.type())
                        .isEmpty();
            }
        });
    }

    @Test
    @DisplayName("inside a transaction, findByIdentifier follows its own update: the new identifier finds the customer, the replaced one does not")
    void findsOwnUpdateByIdentifier() {
        Customer stored = store().customers().save(Fixtures.customer().build());
        Identifier old = stored.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Identifier replacement = ValidIdentifiers.nationalId();

        store().runInTransaction(() -> {
            Customer v2 = store().customers().save(stored.withIdentifier(replacement));
            assertThat(store().customers().findByIdentifier(replacement)).hasValueSatisfying(c -> assertThat(c).readsBackAs(v2));
            assertThat(store().customers().findByIdentifier(old)).as("the replaced identifier").isEmpty();
        });

        assertThat(store().customers().findByIdentifier(old)).isEmpty();
        assertThat(store().customers().findByIdentifier(replacement)).hasValueSatisfying(c -> assertThat(c).hasVersion(2));
    }

    @Test
    @DisplayName("inside a transaction, findByExternalRef finds its own insert and nothing after its own delete; findById sees both")
    void findsOwnInteractionByExternalRef() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        Interaction call = Fixtures.interaction(customer.id()).build();

        store().runInTransaction(() -> {
            Interaction saved = store().interactions().save(call);
            assertThat(store().interactions().findByExternalRef(call.externalRef())).contains(saved);
            assertThat(store().interactions().findById(call.id())).contains(saved);
            store().interactions().delete(call.id(), 1);
            assertThat(store().interactions().findByExternalRef(call.externalRef())).isEmpty();
            assertThat(store().interactions().findById(call.id())).isEmpty();
        });

        assertThat(store().interactions().findById(call.id())).isEmpty();
    }

    @Test
    @DisplayName("an identifier taken by an earlier insert of the same transaction is refused at the save, and the transaction can still commit")
    void identifierTakenEarlierInTheTransactionIsRefusedAtTheSave() {
        Customer first = Fixtures.customer().build();
        Identifier taken = first.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Customer clash = Fixtures.customer().identifiers(taken, ValidIdentifiers.coreBankingKey()).build();

        store().runInTransaction(() -> {
            store().customers().save(first);
            assertThat(thrownDuplicateKey(() -> store().customers().save(clash)).key()).isEqualTo("identifier");
        });

        assertThat(store().customers().findById(first.id())).isPresent();
        assertThat(store().customers().findById(clash.id())).isEmpty();
        assertThat(store().customers().findByIdentifier(taken)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.id()));
    }

    @Test
    @DisplayName("an external reference or host account key taken earlier in the same transaction is refused at the save")
    void refAndHostKeyTakenEarlierInTheTransactionAreRefusedAtTheSave() {
        Customer customer = store().customers().save(Fixtures.customer().build());
        Interaction first = Fixtures.interaction(customer.id()).build();
        Interaction replay = Fixtures.interaction(customer.id()).externalRef(first.externalRef()).build();
        LinkedAccount account = Fixtures.account(customer.id());
        LinkedAccount again = Fixtures.account(customer.id(), account.hostSystem(), account.externalId());

        store().runInTransaction(() -> {
            store().interactions().save(first);
            assertThat(thrownDuplicateKey(() -> store().interactions().save(replay)).key()).isEqualTo("externalRef");
            store().accounts().save(account);
            assertThat(thrownDuplicateKey(() -> store().accounts().save(again)).key()).isEqualTo("externalId");
        });

        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
        assertThat(store().interactions().findByExternalRef(first.externalRef())).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(first.id()));
        assertThat(store().accounts().findByCustomer(customer.id())).extracting(LinkedAccount::id).containsExactly(account.id());
    }

    @Test
    @DisplayName("an identifier freed by the transaction's own update may be taken by another customer in the same transaction")
    void identifierFreedInTheTransactionCanBeTakenAgain() {
        Customer holder = store().customers().save(Fixtures.customer().build());
        Identifier moving = holder.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Customer taker = Fixtures.customer().identifiers(moving).build();

        store().runInTransaction(() -> {
            store().customers().save(holder.withIdentifier(ValidIdentifiers.nationalId()));
            store().customers().save(taker);
        });

        assertThat(store().customers().findByIdentifier(moving)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(taker.id()));
    }

    @Test
    @DisplayName("through the services, an external reference recorded twice in one unit of work is recorded once and both calls return it")
    void serviceRecordsARepeatedExternalRefOnce() {
        Crm crm = Crm.builder().store(store()).build();
        var session = crm.as(Actor.system("tck-feed"));
        Customer customer = store().customers().save(Fixtures.customer().build());
        ExternalRef ref = ExternalRef.of("tck-feed", UniqueIds.next("ref"));
        NewInteraction call = NewInteraction.of(customer.id(), Channel.PHONE, Direction.INBOUND).subject("Feed record")
                .externalRef(ref).build();

        List<Interaction> recorded = session.inTransaction(() -> List.of(session.interactions().record(call),
                session.interactions().record(call)));

        assertThat(recorded.get(1).id()).isEqualTo(recorded.get(0).id());
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
        assertThat(store().interactions().findByExternalRef(ref)).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(recorded.get(0).id()));
    }
}

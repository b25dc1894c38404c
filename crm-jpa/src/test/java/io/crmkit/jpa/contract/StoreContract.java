package io.crmkit.jpa.contract;

import static io.crmkit.jpa.testing.Fixtures.CANARY_NAME;
import static io.crmkit.jpa.testing.Fixtures.CANARY_PASSPORT;
import static io.crmkit.jpa.testing.Fixtures.customer;
import static io.crmkit.jpa.testing.Fixtures.customerWithPassport;
import static io.crmkit.jpa.testing.Fixtures.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.Vendor;

/**
 * The store contract for customers, versions and transactions; subclassed once per database.
 * Each test uses its own ids, so the tests of a class share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
    StoreFixture fixture;
    CrmStore store;

    abstract Vendor vendor();

    @BeforeAll
    void start() {
        fixture = new StoreFixture(vendor(), "store");
        store = fixture.store;
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Nested
    @DisplayName("saving and loading")
    class Saving {
        @Test
        @DisplayName("a new aggregate is stored with version 1 and reads back equal, nanoseconds included")
        void roundTrips() {
            Customer saved = store.customers().save(customer("rt-1"));

            assertThat(saved.meta().version()).isEqualTo(1);
            assertThat(store.customers().findById(CustomerId.of("rt-1"))).contains(saved);
            assertThat(saved.meta().createdAt()).isEqualTo(Fixtures.T0);
        }

        @Test
        @DisplayName("an update with the version read bumps the version")
        void updatesWithTheVersionRead() {
            Customer v1 = store.customers().save(customer("up-1"));

            Customer v2 = store.customers().save(v1.withLifecycleChange(new io.crmkit.core.customer.LifecycleChange(
                    LifecycleStage.ACTIVE, LifecycleStage.DORMANT, java.time.LocalDate.of(2026, 3, 2),
                    "no trades for 12 months", Fixtures.T0, "tester")));

            assertThat(v2.meta().version()).isEqualTo(2);
            assertThat(store.customers().get(CustomerId.of("up-1")).lifecycle()).isEqualTo(LifecycleStage.DORMANT);
        }

        @Test
        @DisplayName("a stale version is a conflict and changes nothing")
        void staleVersionIsConflict() {
            Customer v1 = store.customers().save(customer("st-1"));
            store.customers().save(v1.withTag("first"));

            assertThatThrownBy(() -> store.customers().save(v1.withTag("second")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("st-1").hasMessageNotContaining(CANARY_NAME);
            assertThat(store.customers().get(CustomerId.of("st-1")).tags()).contains("first").doesNotContain("second");
        }

        @Test
        @DisplayName("a new aggregate whose id is taken is a conflict")
        void takenIdIsConflict() {
            store.customers().save(customer("tk-1"));

            assertThatThrownBy(() -> store.customers().save(customer("tk-1"))).isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("an update of an aggregate that does not exist is a conflict")
        void updateOfMissingIsConflict() {
            Customer ghost = customer("gh-1").withMeta(Fixtures.newMeta().withVersion(3));

            assertThatThrownBy(() -> store.customers().save(ghost)).isInstanceOf(ConflictException.class);
            assertThat(store.customers().findById(CustomerId.of("gh-1"))).isEmpty();
        }

        @Test
        @DisplayName("an identifier held by another customer is a duplicate key that names the key, not the value")
        void duplicateIdentifier() {
            store.customers().save(customerWithPassport("dup-1", CANARY_PASSPORT));

            assertThatThrownBy(() -> store.customers().save(customerWithPassport("dup-2", CANARY_PASSPORT)))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo("identifier"))
                    .hasMessageNotContaining(CANARY_PASSPORT);
            assertThat(store.customers().findById(CustomerId.of("dup-2"))).isEmpty();
            assertThat(store.customers().findByIdentifier(Identifier.of(IdentifierType.PASSPORT, CANARY_PASSPORT, "GB")))
                    .map(Customer::id).contains(CustomerId.of("dup-1"));
        }

        @Test
        @DisplayName("delete needs the current version; a missing aggregate is not found")
        void deletes() {
            Customer v1 = store.customers().save(customer("del-1"));

            assertThatThrownBy(() -> store.customers().delete(CustomerId.of("del-1"), 7))
                    .isInstanceOf(ConflictException.class);
            store.customers().delete(CustomerId.of("del-1"), v1.meta().version());

            assertThat(store.customers().findById(CustomerId.of("del-1"))).isEmpty();
            assertThatThrownBy(() -> store.customers().delete(CustomerId.of("del-1"), 1))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions {
        @Test
        @DisplayName("commit every write together")
        void commitTogether() {
            store.runInTransaction(() -> {
                store.customers().save(customer("tx-1"));
                store.interactions().save(interaction("tx-i1", "tx-1", Fixtures.T0));
                assertThat(store.customers().findById(CustomerId.of("tx-1"))).isPresent();
            });

            assertThat(store.interactions().findById(InteractionId.of("tx-i1"))).isPresent();
        }

        @Test
        @DisplayName("roll back every write when the work throws, and rethrow the exception as is")
        void rollBackTogether() {
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> store.runInTransaction(() -> {
                store.customers().save(customer("rb-1"));
                store.interactions().save(interaction("rb-i1", "rb-1", Fixtures.T0));
                throw boom;
            })).isSameAs(boom);

            assertThat(store.customers().findById(CustomerId.of("rb-1"))).isEmpty();
            assertThat(store.interactions().findById(InteractionId.of("rb-i1"))).isEmpty();
        }

        @Test
        @DisplayName("a duplicate found inside a transaction leaves the transaction usable")
        void duplicateInsideTransaction() {
            store.customers().save(customerWithPassport("in-1", "X1234567"));

            Customer saved = store.inTransaction(() -> {
                assertThatThrownBy(() -> store.customers().save(customerWithPassport("in-2", "X1234567")))
                        .isInstanceOf(DuplicateKeyException.class);
                return store.customers().save(customerWithPassport("in-3", "X7654321"));
            });

            assertThat(store.customers().findById(saved.id())).contains(saved);
        }
    }

    @Nested
    @DisplayName("customer queries")
    class Queries {
        @Test
        @DisplayName("page through the matches in id order without repeats, and count and stream the same")
        void pagesCountsAndStreams() {
            for (int i = 0; i < 7; i++) {
                Customer c = customer("q-" + i).withOwner(StaffId.of(i % 2 == 0 ? "rm-even" : "rm-odd"));
                store.customers().save(i == 4 ? c.withTag("watch") : c);
            }
            CustomerQuery even = CustomerQuery.all().owner(StaffId.of("rm-even"));

            List<String> seen = new ArrayList<>();
            PageRequest request = PageRequest.first(3);
            Page<Customer> page;
            do {
                page = store.customers().find(even, request);
                page.items().forEach(c -> seen.add(c.id().value()));
                request = page.hasNext() ? request.next(page) : null;
            } while (request != null);

            assertThat(seen).containsExactly("q-0", "q-2", "q-4", "q-6");
            assertThat(store.customers().count(even)).isEqualTo(4);
            assertThat(store.customers().count(even.tag("watch"))).isEqualTo(1);
            try (Stream<Customer> s = store.customers().stream(even)) {
                assertThat(s.map(c -> c.id().value())).containsExactly("q-0", "q-2", "q-4", "q-6");
            }
        }

        @Test
        @DisplayName("a malformed cursor is a validation error on 'after'")
        void malformedCursor() {
            assertThatThrownBy(() -> store.customers().find(CustomerQuery.all(), new PageRequest("not a cursor!", 5)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.getMessage()).contains("after"));
        }
    }
}

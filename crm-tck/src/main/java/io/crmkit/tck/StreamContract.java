package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams longer than any internal chunk: {@value #ROWS} customers, accounts and interactions
 * (more than twice the in-memory store's 1,000-row chunk and crm-jpa's default fetch size) come
 * back complete, in order and without repeats; and every stream kind can be closed early, many
 * times, inside and outside a transaction, without holding anything (a lock, a connection) that
 * later writes would wait for.
 */
public abstract class StreamContract extends StoreContract {
    /** Rows per stream test. */
    static final int ROWS = 2_500;
    private static final int BATCH = 100;

    /** Saves {@code n} aggregates made by {@code make}, 100 per transaction (a JPA persistence context re-checks every managed row at each flush, so bigger transactions get slower per row). */
    private <T> List<T> saveMany(int n, Supplier<T> make) {
        List<T> saved = new ArrayList<>(n);
        while (saved.size() < n) {
            int batch = Math.min(BATCH, n - saved.size());
            saved.addAll(store().inTransaction(() -> {
                List<T> part = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    part.add(make.get());
                }
                return part;
            }));
        }
        return saved;
    }

    @Test
    @DisplayName("a customer stream of 2,500 rows returns every one, in id order, none twice")
    void longCustomerStreamIsComplete() {
        String tag = Fixtures.tag();
        // one identifier each: the natural-key checks of a second would double the time a database spends here
        List<CustomerId> expected = saveMany(ROWS, () -> store().customers().save(Fixtures.customer()
                .identifiers(ValidIdentifiers.coreBankingKey()).tag(tag).build()).id())
                .stream().sorted().toList();

        List<CustomerId> streamed;
        try (Stream<Customer> s = store().customers().stream(CustomerQuery.all().tag(tag))) {
            streamed = s.map(Customer::id).toList();
        }

        assertThat(streamed).hasSize(ROWS).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("an account stream returns 2,500 new accounts of one customer, in id order, none twice")
    void longAccountStreamIsComplete() {
        CustomerId owner = store().customers().save(Fixtures.customer().build()).id();
        List<LinkedAccount> expected = saveMany(ROWS, () -> store().accounts().save(Fixtures.account(owner))).stream()
                .sorted(Comparator.comparing(LinkedAccount::id)).toList();

        List<LinkedAccount> all;
        try (Stream<LinkedAccount> s = store().accounts().stream()) {
            all = s.toList();
        }

        assertThat(all).extracting(LinkedAccount::id).as("the whole stream in id order").isSorted().doesNotHaveDuplicates();
        assertThat(all.stream().filter(a -> a.customerId().equals(owner)).toList()).hasSize(ROWS).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("an interaction stream over a range returns 2,500 interactions, oldest first, none twice")
    void longInteractionStreamIsComplete() {
        CustomerId customer = store().customers().save(Fixtures.customer().build()).id();
        Instant start = Fixtures.NOW.minusSeconds(7 * 86_400);
        int[] n = {0};
        // 2 µs apart, and every fifth shares its time with the one before, so ties are broken by id
        List<Interaction> expected = saveMany(ROWS, () -> {
            int i = n[0]++;
            Instant at = start.plusNanos(2_000L * (i - (i % 5 == 4 ? 1 : 0)));
            return store().interactions().save(Fixtures.interaction(customer).occurredAt(at).build());
        }).stream().sorted(Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id)).toList();
        Instant end = expected.get(ROWS - 1).occurredAt().plusNanos(1_000);

        List<Interaction> mine;
        try (Stream<Interaction> s = store().interactions().stream(start, end)) {
            mine = s.filter(i -> i.customerId().equals(customer)).toList();
        }

        assertThat(mine).hasSize(ROWS);
        assertThat(mine).extracting(Interaction::id).containsExactlyElementsOf(expected.stream().map(Interaction::id).toList());
    }

    @Test
    @DisplayName("an interaction stream from Instant.MIN to Instant.MAX returns every interaction, and an empty range none")
    void openBoundsAreValid() {
        CustomerId customer = store().customers().save(Fixtures.customer().build()).id();
        Interaction call = store().interactions().save(Fixtures.interaction(customer).build());

        try (Stream<Interaction> s = store().interactions().stream(Instant.MIN, Instant.MAX)) {
            assertThat(s.filter(i -> i.customerId().equals(customer)).toList()).containsExactly(call);
        }
        try (Stream<Interaction> s = store().interactions().stream(Instant.MAX, Instant.MIN)) {
            assertThat(s.findAny()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("every stream kind closed after one row, 40 times each, inside and outside a transaction, holds nothing later writes wait for")
    void everyStreamKindClosesEarly() throws Exception {
        String tag = Fixtures.tag();
        Customer customer = store().customers().save(Fixtures.customer().tag(tag).build());
        store().customers().save(Fixtures.customer().tag(tag).build());
        store().accounts().save(Fixtures.account(customer.id()));
        store().accounts().save(Fixtures.account(customer.id()));
        store().interactions().save(Fixtures.interaction(customer.id()).build());
        store().interactions().save(Fixtures.interaction(customer.id()).occurredAt(Fixtures.NOW.plusNanos(1_000)).build());
        List<Supplier<Stream<?>>> kinds = List.of(
                () -> store().customers().stream(CustomerQuery.all().tag(tag)),
                () -> store().accounts().stream(),
                () -> store().interactions().stream(Fixtures.NOW, Fixtures.NOW.plusSeconds(1)));

        for (int round = 0; round < 40; round++) {
            for (Supplier<Stream<?>> kind : kinds) {
                try (Stream<?> s = kind.get()) {
                    assertThat(s.findFirst()).isPresent();
                }
            }
            if (round % 10 == 0) {
                store().runInTransaction(() -> {
                    for (Supplier<Stream<?>> kind : kinds) {
                        try (Stream<?> s = kind.get()) {
                            assertThat(s.findFirst()).isPresent();
                        }
                    }
                    store().customers().save(Fixtures.customer().build());
                });
            }
        }

        Customer written = CompletableFuture.supplyAsync(() -> store().customers().save(Fixtures.customer().tag(tag).build()))
                .get(30, TimeUnit.SECONDS);
        assertThat(store().customers().findById(written.id())).isPresent();
        try (Stream<Customer> s = store().customers().stream(CustomerQuery.all().tag(tag))) {
            assertThat(s.count()).isEqualTo(3);
        }
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Customer paging and streaming: keyset pages in id order ({@link CustomerId#compareTo}, that is
 * binary string order) with no gaps or repeats, also while other threads insert; streams that are
 * ordered, complete, free of duplicates and safe to close early.
 */
public abstract class CustomerPagingContract extends StoreContract {

    private CustomerRepository customers() {
        return store().customers();
    }

    /** Saves {@code count} customers carrying {@code tag}, in a shuffled order, and returns their ids sorted. */
    private List<CustomerId> savedTagged(String tag, int count) {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Fixtures.customerId());
        }
        List<CustomerId> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(count));
        shuffled.forEach(id -> customers().save(Fixtures.customer().id(id).tag(tag).build()));
        return ids;
    }

    private static List<CustomerId> ids(List<Customer> customers) {
        return customers.stream().map(Customer::id).toList();
    }

    @Test
    @DisplayName("pages come in id order, full until the last, which has no next cursor")
    void pagesInIdOrder() {
        String tag = Fixtures.tag();
        List<CustomerId> expected = savedTagged(tag, 23);
        CustomerQuery query = CustomerQuery.all().tag(tag);

        var first = customers().find(query, PageRequest.first(5));
        assertThat(ids(first.items())).containsExactlyElementsOf(expected.subList(0, 5));
        assertThat(first).hasNext();

        List<Customer> all = Paging.readAll(p -> customers().find(query, p), 5);
        assertThat(ids(all)).containsExactlyElementsOf(expected);
        var last = customers().find(query, new PageRequest(expected.get(19).value(), 5));
        assertThat(ids(last.items())).containsExactlyElementsOf(expected.subList(20, 23));
        assertThat(last).isLast();
    }

    @Test
    @DisplayName("paging with sizes 1, 4 and the exact total reads every customer exactly once")
    void everySizeReadsEveryCustomerOnce() {
        String tag = Fixtures.tag();
        List<CustomerId> expected = savedTagged(tag, 12);
        CustomerQuery query = CustomerQuery.all().tag(tag);

        for (int size : new int[] {1, 4, 12, 13}) {
            assertThat(ids(Paging.readAll(p -> customers().find(query, p), size))).as("page size %s", size)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("id order is the ids' compareTo order (binary), whatever their case and punctuation")
    void idOrderIsBinary() {
        String tag = Fixtures.tag();
        String base = UniqueIds.next("ord");
        List<CustomerId> expected = Stream.of("a", "B", "b", "Z", "0", "9", "-x", ".x", "_x", ":x", "aa", "A")
                .map(suffix -> CustomerId.of(base + suffix)).sorted().toList();
        List<CustomerId> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(id -> customers().save(Fixtures.customer().id(id).tag(tag).build()));
        CustomerQuery query = CustomerQuery.all().tag(tag);

        assertThat(ids(Paging.readAll(p -> customers().find(query, p), 5))).containsExactlyElementsOf(expected);
        try (Stream<Customer> stream = customers().stream(query)) {
            assertThat(stream.map(Customer::id).toList()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("a cursor that is not a customer id is refused with ValidationException")
    void malformedCursorIsRefused() {
        thrownValidation(() -> customers().find(CustomerQuery.all(), new PageRequest("not a cursor!", 5)));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("paging while another thread inserts neither repeats nor skips a customer that existed before the first page")
    void pagingUnderConcurrentInsertsHasNoGapsOrRepeats() throws Exception {
        String tag = Fixtures.tag();
        List<CustomerId> all = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            all.add(Fixtures.customerId());
        }
        // Existing customers take every other id; the writer fills the gaps and appends after the end,
        // so new rows land before, inside and after the page being read.
        List<CustomerId> existing = new ArrayList<>();
        List<CustomerId> later = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 && i < 60 ? existing : later).add(all.get(i));
        }
        Collections.shuffle(later, new Random(3));
        existing.forEach(id -> customers().save(Fixtures.customer().id(id).tag(tag).build()));
        CustomerQuery query = CustomerQuery.all().tag(tag);

        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<Customer> read;
        List<Future<?>> writes = new ArrayList<>();
        try {
            int[] next = {0};
            read = Paging.readAll(p -> customers().find(query, p), 4, () -> {
                // Between pages, insert the next three and wait for them, so inserts interleave with every page.
                for (int k = 0; k < 3 && next[0] < later.size(); k++, next[0]++) {
                    CustomerId id = later.get(next[0]);
                    writes.add(writer.submit(() -> customers().save(Fixtures.customer().id(id).tag(tag).build())));
                }
                writes.forEach(CustomerPagingContract::await);
            });
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        List<CustomerId> readIds = ids(read);
        assertThat(readIds).as("no customer repeated").doesNotHaveDuplicates();
        assertThat(readIds).as("every customer existing before the first page").containsAll(existing);
        assertThat(Set.copyOf(all)).as("only customers of this query").containsAll(readIds);
        assertThat(readIds).as("in id order").isSorted();
    }

    @Test
    @DisplayName("stream returns every matching customer once, in id order")
    void streamIsOrderedAndComplete() {
        String tag = Fixtures.tag();
        List<CustomerId> expected = savedTagged(tag, 25);
        savedTagged(Fixtures.tag(), 3);

        try (Stream<Customer> stream = customers().stream(CustomerQuery.all().tag(tag))) {
            List<Customer> streamed = stream.toList();
            assertThat(ids(streamed)).containsExactlyElementsOf(expected);
            assertThat(streamed).allSatisfy(c -> assertThat(c.tags()).contains(tag));
        }
    }

    @Test
    @DisplayName("stream over all customers is in id order and includes a customer just saved")
    void streamOfAllIsOrdered() {
        Customer saved = customers().save(Fixtures.customer().build());

        try (Stream<Customer> stream = customers().stream(CustomerQuery.all())) {
            List<CustomerId> streamed = stream.map(Customer::id).toList();
            assertThat(streamed).contains(saved.id()).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    @DisplayName("streams closed before the end release what they hold: 40 early closes, then the store still reads and writes")
    void streamsCanBeClosedEarly() {
        String tag = Fixtures.tag();
        List<CustomerId> expected = savedTagged(tag, 6);

        for (int i = 0; i < 40; i++) {
            try (Stream<Customer> stream = customers().stream(CustomerQuery.all().tag(tag))) {
                assertThat(stream.limit(2).map(Customer::id).toList()).containsExactlyElementsOf(expected.subList(0, 2));
            }
        }

        Customer after = customers().save(Fixtures.customer().tag(tag).build());
        assertThat(customers().findById(after.id())).isPresent();
        assertThat(customers().count(CustomerQuery.all().tag(tag))).isEqualTo(7);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("a stream read while another thread inserts yields no customer twice and every one that existed before")
    void streamUnderConcurrentInserts() throws Exception {
        String tag = Fixtures.tag();
        List<CustomerId> existing = savedTagged(tag, 40);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<CustomerId> streamed;
        Future<?> writes;
        try (Stream<Customer> stream = customers().stream(CustomerQuery.all().tag(tag))) {
            writes = writer.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    customers().save(Fixtures.customer().tag(tag).build());
                }
            });
            streamed = stream.peek(c -> Thread.yield()).map(Customer::id).collect(Collectors.toList());
        } finally {
            writer.shutdown();
        }
        await(writes);

        assertThat(streamed).doesNotHaveDuplicates().containsAll(existing).isSorted();
        assertThat(customers().count(CustomerQuery.all().tag(tag))).isEqualTo(70);
    }

    static void await(Future<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a concurrent write failed", e);
        }
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Optimistic concurrency under real contention: many threads doing read-modify-write on one
 * customer end with exactly the acknowledged writes, and every rejected write surfaced as
 * {@link ConflictException}; racing inserts of one id or one natural key let exactly one win.
 */
public abstract class ConcurrencyContract extends StoreContract {
    private static final int THREADS = 16;
    /** Acknowledged writes per thread; 16 x 3 = 48 tags stays under the 50-tag limit of a customer. */
    private static final int WRITES_PER_THREAD = 3;
    /** Attempts per thread before giving up, so a store that never acknowledges fails instead of hanging. */
    private static final int MAX_ATTEMPTS_PER_THREAD = 500;

    private CustomerRepository customers() {
        return store().customers();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("16 threads doing read-modify-write on one customer: every acknowledged write is kept, every rejected one is a ConflictException")
    void readModifyWriteKeepsExactlyTheAcknowledgedWrites() throws Exception {
        Customer start = customers().save(Fixtures.customer().build().withExtension("counter",
                ExtensionValue.decimal(BigDecimal.ZERO)));
        Set<String> acknowledgedTags = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        CyclicBarrier startTogether = new CyclicBarrier(THREADS);

        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                startTogether.await(30, TimeUnit.SECONDS);
                int done = 0;
                for (int attempt = 0; done < WRITES_PER_THREAD; attempt++) {
                    assertThat(attempt).as("attempts of thread %s", thread).isLessThan(MAX_ATTEMPTS_PER_THREAD);
                    Customer read = customers().get(start.id());
                    // Widen the window between read and write, as a network round trip would, so that a store
                    // losing updates is caught even when it is as fast as memory.
                    LockSupport.parkNanos(100_000);
                    String tag = "w" + thread + "-" + done;
                    BigDecimal counter = ((ExtensionValue.Decimal) read.extensions().get("counter")).value();
                    Customer write = read.withTag(tag).withExtension("counter",
                            ExtensionValue.decimal(counter.add(BigDecimal.ONE)));
                    try {
                        Customer stored = customers().save(write);
                        assertThat(stored.meta().version()).isEqualTo(read.meta().version() + 1);
                        acknowledgedTags.add(tag);
                        acknowledged.incrementAndGet();
                        done++;
                    } catch (ConflictException e) {
                        assertThat(e.aggregateId()).isEqualTo(start.id().value());
                        rejected.incrementAndGet();
                    }
                }
                return null;
            });
        }
        runAll(workers);

        Customer end = customers().get(start.id());
        assertThat(acknowledged.get()).isEqualTo(THREADS * WRITES_PER_THREAD);
        assertThat(end).as("after %s acknowledged and %s rejected writes", acknowledged, rejected)
                .hasVersion(1L + acknowledged.get())
                .hasExactlyTags(acknowledgedTags);
        assertThat(((ExtensionValue.Decimal) end.extensions().get("counter")).value())
                .as("read-modify-write counter: no lost update").isEqualByComparingTo(BigDecimal.valueOf(acknowledged.get()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads inserting customers with the same identifier: exactly one is stored, the others get DuplicateKeyException")
    void racingInsertsOfOneIdentifierLetOneWin() throws Exception {
        Identifier shared = ValidIdentifiers.nationalId();
        List<Customer> candidates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candidates.add(Fixtures.customer().identifiers(shared, ValidIdentifiers.coreBankingKey()).build());
        }
        List<Object> outcomes = race(candidates.stream().<Callable<Object>>map(c -> () -> customers().save(c)).toList());

        List<Customer> winners = outcomes.stream().filter(Customer.class::isInstance).map(Customer.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(DuplicateKeyException.class::isInstance).hasSize(7)
                .allSatisfy(e -> assertThat(((DuplicateKeyException) e).key()).isEqualTo("identifier"));
        assertThat(customers().findByIdentifier(shared)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(winners.get(0).id()));
        for (Customer c : candidates) {
            assertThat(customers().findById(c.id()).isPresent()).as("stored: %s", c.id()).isEqualTo(c.id().equals(winners.get(0).id()));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads inserting a new customer under the same id: exactly one is stored, the others get ConflictException")
    void racingInsertsOfOneIdLetOneWin() throws Exception {
        var id = Fixtures.customerId();
        List<Customer> candidates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candidates.add(Fixtures.customer().id(id).build());
        }
        List<Object> outcomes = race(candidates.stream().<Callable<Object>>map(c -> () -> customers().save(c)).toList());

        List<Customer> winners = outcomes.stream().filter(Customer.class::isInstance).map(Customer.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(7);
        assertThat(customers().get(id)).readsBackAs(winners.get(0));
        Customer loser = candidates.stream().filter(c -> !c.identifiers().equals(winners.get(0).identifiers()))
                .findFirst().orElseThrow();
        assertThat(customers().findByIdentifier(loser.identifier(IdentifierType.NATIONAL_ID).orElseThrow())).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads recording the same external reference: exactly one interaction is stored, the others get DuplicateKeyException")
    void racingInsertsOfOneExternalRefLetOneWin() throws Exception {
        Customer customer = customers().save(Fixtures.customer().build());
        ExternalRef ref = ExternalRef.of("tck-callcentre", Fixtures.tag());
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Interaction call = Fixtures.interaction(customer.id()).externalRef(ref).build();
            calls.add(() -> store().interactions().save(call));
        }
        List<Object> outcomes = race(calls);

        assertThat(outcomes).filteredOn(Interaction.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(DuplicateKeyException.class::isInstance).hasSize(7)
                .allSatisfy(e -> assertThat(((DuplicateKeyException) e).key()).isEqualTo("externalRef"));
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(1);
    }

    /** Runs the calls together from a barrier; returns each call's result or the CRMKit exception it threw. */
    private static List<Object> race(List<Callable<Object>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Callable<Object>> wrapped = calls.stream().<Callable<Object>>map(call -> () -> {
            barrier.await(30, TimeUnit.SECONDS);
            try {
                return call.call();
            } catch (ConflictException | DuplicateKeyException e) {
                return e;
            }
        }).toList();
        return runAll(wrapped);
    }

    private static <T> List<T> runAll(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(90, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

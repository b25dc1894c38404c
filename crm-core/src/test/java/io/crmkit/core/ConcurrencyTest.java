package io.crmkit.core;

import static io.crmkit.core.Fixtures.RM_ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.customer.ExtensionValue;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Concurrent read-modify-write on one customer")
class ConcurrencyTest {

    @Test
    @DisplayName("16 threads: every acknowledged write is in the final record and every other one surfaced as a conflict")
    void sixteenThreadsOnOneCustomer() throws Exception {
        Crm crm = Fixtures.crm();
        CrmSession rm = crm.as(RM_ACTOR);
        Customer start = rm.customers().register(Fixtures.individual().build());
        int threads = 16;
        int attemptsPerThread = 50;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] done = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                done[t] = pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        Customer read = rm.customers().get(start.id());
                        // A counter kept in an extension field: a lost update would leave it short.
                        long seen = counter(read);
                        try {
                            rm.customers().update(read.withExtension("counter", ExtensionValue.decimal(BigDecimal.valueOf(seen + 1))));
                            acknowledged.incrementAndGet();
                        } catch (ConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Customer end = rm.customers().get(start.id());
        assertThat(acknowledged.get() + conflicts.get()).isEqualTo(threads * attemptsPerThread);
        assertThat(counter(end)).isEqualTo(acknowledged.get());
        assertThat(end.meta().version()).isEqualTo(1L + acknowledged.get());
        assertThat(acknowledged.get()).isPositive();
    }

    private static long counter(Customer c) {
        ExtensionValue v = c.extensions().get("counter");
        return v == null ? 0 : ((ExtensionValue.Decimal) v).value().longValueExact();
    }
}

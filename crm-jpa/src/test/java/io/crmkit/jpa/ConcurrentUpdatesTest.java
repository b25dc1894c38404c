package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.error.ConflictException;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("Concurrent read-modify-write of one customer")
class ConcurrentUpdatesTest {
    private static final int THREADS = 16;
    private static final int ATTEMPTS = 25;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("16 threads lose no update: every acknowledged write is counted, every other attempt is a conflict")
    void noLostUpdate(Vendor vendor) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(vendor, "concurrency");
             JpaCrmStore store = JpaCrmStore.create(db.dataSource())) {
            CustomerId id = CustomerId.of("hot-1");
            store.customers().save(Fixtures.customer("hot-1").withExtension("counter", ExtensionValue.decimal(BigDecimal.ZERO)));
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS; i++) {
                        Customer read = store.customers().get(id);
                        BigDecimal n = ((ExtensionValue.Decimal) read.extensions().get("counter")).value();
                        try {
                            store.customers().save(read.withExtension("counter", ExtensionValue.decimal(n.add(BigDecimal.ONE))));
                            acknowledged.incrementAndGet();
                        } catch (ConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES); // any exception other than a conflict fails the test here
            }
            pool.shutdown();

            Customer last = store.customers().get(id);
            BigDecimal counter = ((ExtensionValue.Decimal) last.extensions().get("counter")).value();
            assertThat(acknowledged.get() + conflicts.get()).isEqualTo(THREADS * ATTEMPTS);
            assertThat(counter.intValueExact()).isEqualTo(acknowledged.get());
            assertThat(last.meta().version()).isEqualTo(1L + acknowledged.get());
            assertThat(acknowledged.get()).isPositive();
            assertThat(conflicts.get()).isPositive();
            System.out.printf("%s: %d acknowledged, %d conflicts%n", vendor, acknowledged.get(), conflicts.get());
        }
    }
}

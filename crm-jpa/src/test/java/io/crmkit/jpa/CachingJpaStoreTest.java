package io.crmkit.jpa;

import static io.crmkit.jpa.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.cache.CacheConfig;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.jpa.testing.Fixtures;

@DisplayName("The caching store (io.crmkit.core.cache) in front of the JPA store")
class CachingJpaStoreTest {
    private static int databases;
    private JpaCrmStore jpa;
    private CachingCrmStore store;
    private Statistics statistics;

    @BeforeEach
    void open() {
        jpa = JpaCrmStore.inMemoryH2("cache_" + (++databases), JpaStoreConfig.custom().statistics(true).build());
        store = CachingCrmStore.wrap(jpa, CacheConfig.custom().maximumCustomers(100).recordStats(true).build());
        statistics = jpa.unwrap(SessionFactory.class).getStatistics();
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    @DisplayName("reads a customer from the database once, then from memory")
    void readsThrough() {
        store.customers().save(customer("c-1"));
        statistics.clear();

        for (int i = 0; i < 5; i++) {
            assertThat(store.customers().findById(CustomerId.of("c-1"))).isPresent();
        }

        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(store.stats().get("customers").hitCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("evicts on write, so the next read returns the new version")
    void evictsOnWrite() {
        Customer v1 = store.customers().save(customer("c-2"));
        store.customers().get(CustomerId.of("c-2"));

        store.customers().save(v1.withTag("changed"));

        assertThat(store.customers().get(CustomerId.of("c-2")).meta().version()).isEqualTo(2);
        store.customers().delete(CustomerId.of("c-2"), 2);
        assertThat(store.customers().findById(CustomerId.of("c-2"))).isEmpty();
    }

    @Test
    @DisplayName("inside a transaction reads its own writes, and keeps nothing of a rolled-back one")
    void respectsTransactions() {
        Customer v1 = store.customers().save(customer("c-3"));
        store.customers().get(v1.id());

        assertThatThrownBy(() -> store.runInTransaction(() -> {
            store.customers().save(v1.withTag("uncommitted"));
            assertThat(store.customers().get(v1.id()).tags()).contains("uncommitted");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(store.customers().get(v1.id()).tags()).doesNotContain("uncommitted");
        assertThat(store.customers().get(v1.id()).meta().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("inside a transaction serves entries it did not write from memory, and does not cache misses")
    void servesHitsInsideTransactions() {
        store.customers().save(customer("c-5"));
        store.customers().save(customer("c-6"));
        store.customers().get(CustomerId.of("c-5"));
        statistics.clear();

        store.runInTransaction(() -> {
            store.customers().get(CustomerId.of("c-5"));
            store.customers().get(CustomerId.of("c-6"));
        });
        long inTransaction = statistics.getPrepareStatementCount();
        store.customers().get(CustomerId.of("c-6"));

        assertThat(inTransaction).as("only the miss is read").isEqualTo(1);
        assertThat(statistics.getPrepareStatementCount()).as("the miss was not cached").isEqualTo(2);
    }

    @Test
    @DisplayName("never keeps a value another thread read between a write and its commit")
    void noStaleValueAfterCommit() throws Exception {
        Customer v1 = store.customers().save(customer("c-4"));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> store.runInTransaction(() -> {
            store.customers().save(v1.withTag("new"));
            written.countDown();
            await(readDone);
        }));
        await(written);
        // the write is not committed yet: this reader sees (and may cache) version 1
        assertThat(store.customers().get(v1.id()).meta().version()).isEqualTo(1);
        readDone.countDown();
        writer.get(30, TimeUnit.SECONDS);

        assertThat(store.customers().get(v1.id()).meta().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("caches tier definitions and pipelines until they are written")
    void referenceData() {
        store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold", 1));
        store.pipelines().save(Fixtures.pipeline("wealth"));
        statistics.clear();

        for (int i = 0; i < 3; i++) {
            store.tiers().definitions();
            store.pipelines().findAll();
            store.pipelines().get(io.crmkit.core.opportunity.PipelineId.of("wealth"));
        }
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(3);

        store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold (new)", 1));
        assertThat(store.tiers().definitions()).extracting(TierDefinition::name).containsExactly("Gold (new)");
    }

    @Test
    @DisplayName("stays within its bound")
    void bounded() {
        CachingCrmStore small = CachingCrmStore.wrap(InMemoryCrmStore.create(), CacheConfig.custom().maximumCustomers(3).build());
        for (int i = 0; i < 20; i++) {
            small.customers().save(customer("b-" + i));
            small.customers().get(CustomerId.of("b-" + i));
        }
        assertThat(small.sizes().get("customers")).isLessThanOrEqualTo(3L);
        assertThat(small.customers().get(CustomerId.of("b-0")).id().value()).isEqualTo("b-0");
    }

    @Test
    @DisplayName("configuration rejects out-of-range settings, naming them")
    void validatesConfiguration() {
        assertThatThrownBy(() -> CacheConfig.custom().maximumCustomers(-1)).hasMessageContaining("maximumCustomers");
        assertThatThrownBy(() -> CacheConfig.custom().expireAfterWrite(Duration.ZERO)).hasMessageContaining("expireAfterWrite");
        assertThat(CacheConfig.from(CacheConfig.custom().maximumPipelines(7).build()).build().maximumPipelines()).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.testing.CapturedLogs;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.KillSwitchDataSource;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("A connection killed in the middle of a batch (pg_terminate_backend)")
class KilledConnectionTest {
    private static final int FEED = 500;

    @ParameterizedTest(name = "batched writes: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("leaves nothing of the batch, and re-running the batch twice gives the same final state")
    void batchIsAtomicAndRerunnable(boolean batched) {
        JpaStoreConfig config = JpaStoreConfig.custom().batchWritesInTransactions(batched).jdbcBatchSize(50).build();
        try (TestDatabase db = TestDatabase.fresh(Vendor.POSTGRESQL, "killed")) {
            KillSwitchDataSource ds = new KillSwitchDataSource(db.dataSource(), db);
            try (JpaCrmStore store = JpaCrmStore.create(ds, config)) {
                store.customers().save(Fixtures.customer("feed-c"));
                // batched: 10 batches of 50 at commit, killed before the 4th; immediate: killed at row 200
                ds.armAtBatch(batched ? 4 : 200);

                Throwable failure;
                try (CapturedLogs logs = new CapturedLogs()) {
                    failure = catchThrowable(() -> importFeed(store));
                    // the pool logs the driver's exception; with logServerErrorDetail=false it holds no values
                    assertThat(logs.text()).doesNotContain("Call about fund redemption").doesNotContain("F150");
                }

                assertThat(ds.kills()).isEqualTo(1);
                assertThat(failure).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.isTransient()).as("a lost connection is worth a retry").isTrue());
                assertThat(store.interactions().countByCustomer(CustomerId.of("feed-c"))).isZero();

                ds.disarm();
                importFeed(store);
                List<Interaction> first = timeline(store);
                importFeed(store);
                List<Interaction> second = timeline(store);

                assertThat(first).hasSize(FEED);
                assertThat(second).isEqualTo(first);
                assertThat(second).allSatisfy(i -> assertThat(i.meta().version()).isEqualTo(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("half-way through a stream fails the stream with a transient StoreException, not a raw JDBC error")
    void streamFailsTranslated() throws Exception {
        try (TestDatabase db = TestDatabase.fresh(Vendor.POSTGRESQL, "killed_stream");
             JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().fetchSize(50).build())) {
            store.customers().save(Fixtures.customer("feed-c"));
            importFeed(store);
            int read = 0;
            Throwable failure = null;
            try (Stream<Interaction> s = store.interactions().stream(Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:00:00Z"))) {
                java.util.Iterator<Interaction> it = s.iterator();
                try {
                    while (it.hasNext()) {
                        it.next();
                        if (++read == 100) {
                            terminateOtherBackends(db);
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            }

            assertThat(read).isBetween(100, FEED - 1);
            assertThat(failure).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isTrue());
        }
    }

    private static void terminateOtherBackends(TestDatabase db) throws java.sql.SQLException {
        try (java.sql.Connection c = db.openConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }

    /** An idempotent import: ids come from the feed, so rows already there are skipped. */
    private static void importFeed(CrmStore store) {
        store.runInTransaction(() -> {
            for (int n = 0; n < FEED; n++) {
                InteractionId id = InteractionId.of("feed-" + n);
                if (store.interactions().findById(id).isEmpty()) {
                    store.interactions().save(Fixtures.interaction(id.value(), "feed-c",
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), new ExternalRef("feed", "F" + n)));
                }
            }
        });
    }

    private static List<Interaction> timeline(CrmStore store) {
        try (Stream<Interaction> s = store.interactions().stream(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"))) {
            return new ArrayList<>(s.toList());
        }
    }
}

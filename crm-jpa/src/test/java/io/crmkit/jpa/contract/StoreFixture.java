package io.crmkit.jpa.contract;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

/** A migrated database and a store with statistics on, for one test class. */
final class StoreFixture implements AutoCloseable {
    final TestDatabase db;
    final JpaCrmStore store;

    StoreFixture(Vendor vendor, String purpose) {
        this(vendor, purpose, JpaStoreConfig.custom().statistics(true).build());
    }

    StoreFixture(Vendor vendor, String purpose, JpaStoreConfig config) {
        this.db = TestDatabase.fresh(vendor, purpose);
        this.store = JpaCrmStore.create(db.dataSource(), config);
    }

    Statistics statistics() {
        return store.unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    public void close() {
        store.close();
        db.close();
    }
}

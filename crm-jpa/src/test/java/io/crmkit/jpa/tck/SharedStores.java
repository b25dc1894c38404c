package io.crmkit.jpa.tck;

import java.util.EnumMap;
import java.util.Map;

import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

/**
 * One migrated database and one store per vendor for the whole compatibility kit run: the kit's
 * tests use ids unique to the run, so they can share it (see {@code CrmStoreCompatibilityKit}).
 * Thread-safe.
 */
final class SharedStores {
    private static final Map<Vendor, JpaCrmStore> STORES = new EnumMap<>(Vendor.class);

    private SharedStores() {
    }

    static synchronized JpaCrmStore of(Vendor vendor) {
        return STORES.computeIfAbsent(vendor, v -> {
            TestDatabase db = TestDatabase.fresh(v, "tck");
            JpaCrmStore store = JpaCrmStore.create(db.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                db.close();
            }, "tck-" + v.name().toLowerCase(java.util.Locale.ROOT) + "-close"));
            return store;
        });
    }
}

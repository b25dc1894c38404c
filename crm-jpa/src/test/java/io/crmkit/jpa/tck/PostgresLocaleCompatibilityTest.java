package io.crmkit.jpa.tck;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.tck.CrmStoreCompatibilityKit;

/**
 * The whole kit on a PostgreSQL database whose default collation is en_US.UTF-8, where text does
 * not order by bytes: its ordering contracts hold only because V2 gives ids and keys
 * {@code COLLATE "C"} (see {@code PostgresLocaleCollationTest} for the proof that they would not).
 */
@DisplayName("The compatibility kit on the JPA store on PostgreSQL with an en_US.UTF-8 collation")
class PostgresLocaleCompatibilityTest extends CrmStoreCompatibilityKit {
    private static JpaCrmStore store;

    @Override
    protected CrmStore createStore() {
        synchronized (PostgresLocaleCompatibilityTest.class) {
            if (store == null) {
                TestDatabase db = TestDatabase.freshPostgresWithLocale("tck_locale");
                JpaCrmStore created = JpaCrmStore.create(db.dataSource());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    created.close();
                    db.close();
                }, "tck-postgres-locale-close"));
                store = created;
            }
            return store;
        }
    }
}

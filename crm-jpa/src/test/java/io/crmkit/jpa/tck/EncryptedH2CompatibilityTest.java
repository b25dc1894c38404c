package io.crmkit.jpa.tck;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.crypto.FieldEncryption;
import io.crmkit.jpa.crypto.LocalKeyring;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.CrmStoreCompatibilityKit;

/** Field encryption must be invisible to the store's contract: the whole kit on an encrypted store. */
@DisplayName("The compatibility kit on the JPA store on H2 with field encryption")
class EncryptedH2CompatibilityTest extends CrmStoreCompatibilityKit {
    private static JpaCrmStore store;

    @Override
    protected CrmStore createStore() {
        synchronized (EncryptedH2CompatibilityTest.class) {
            if (store == null) {
                TestDatabase db = TestDatabase.fresh(Vendor.H2, "tck_encrypted");
                store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom()
                        .fieldEncryption(FieldEncryption.of(LocalKeyring.generate("tck"))).build());
                JpaCrmStore s = store;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    s.close();
                    db.close();
                }, "tck-encrypted-close"));
            }
            return store;
        }
    }
}

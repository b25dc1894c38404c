package io.crmkit.jpa.tck;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.CrmStoreCompatibilityKit;

/** Certifies the cache as a decorator: the whole kit through one {@link CachingCrmStore} in front of the shared H2 store. */
@DisplayName("The compatibility kit on CachingCrmStore in front of the JPA store on H2")
class CachingH2CompatibilityTest extends CrmStoreCompatibilityKit {
    private static CachingCrmStore cached;

    @Override
    protected CrmStore createStore() {
        synchronized (CachingH2CompatibilityTest.class) {
            if (cached == null) {
                cached = CachingCrmStore.wrap(SharedStores.of(Vendor.H2));
            }
            return cached;
        }
    }
}

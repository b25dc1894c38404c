package io.crmkit.jpa.tck;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.CrmStoreCompatibilityKit;

@DisplayName("The compatibility kit on the JPA store on H2")
class H2CompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore createStore() {
        return SharedStores.of(Vendor.H2);
    }
}

package io.crmkit.jpa.tck;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.CrmStoreCompatibilityKit;

@DisplayName("The compatibility kit on the JPA store on MariaDB")
class MariaDbCompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore createStore() {
        return SharedStores.of(Vendor.MARIADB);
    }
}

package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store on MariaDB")
class MariaDbStoreTest extends StoreContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}

package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store's queries on MariaDB")
class MariaDbQueryTest extends QueryContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}

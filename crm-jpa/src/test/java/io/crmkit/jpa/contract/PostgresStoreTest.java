package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store on Postgres")
class PostgresStoreTest extends StoreContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}

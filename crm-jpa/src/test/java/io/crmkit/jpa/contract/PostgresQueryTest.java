package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store's queries on Postgres")
class PostgresQueryTest extends QueryContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}

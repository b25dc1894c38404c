package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store's queries on H2")
class H2QueryTest extends QueryContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}

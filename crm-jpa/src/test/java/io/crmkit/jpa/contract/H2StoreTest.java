package io.crmkit.jpa.contract;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("The JPA store on H2")
class H2StoreTest extends StoreContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}

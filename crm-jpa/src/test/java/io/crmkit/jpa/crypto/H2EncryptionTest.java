package io.crmkit.jpa.crypto;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("Field encryption on H2")
class H2EncryptionTest extends EncryptionContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}

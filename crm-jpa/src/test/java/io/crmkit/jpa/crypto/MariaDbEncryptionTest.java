package io.crmkit.jpa.crypto;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("Field encryption on MariaDb")
class MariaDbEncryptionTest extends EncryptionContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}

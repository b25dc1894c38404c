package io.crmkit.jpa.crypto;

import org.junit.jupiter.api.DisplayName;

import io.crmkit.jpa.testing.Vendor;

@DisplayName("Field encryption on Postgres")
class PostgresEncryptionTest extends EncryptionContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}

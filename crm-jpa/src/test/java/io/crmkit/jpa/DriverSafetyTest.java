package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.crmkit.jpa.testing.CapturedLogs;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("Starting a store on PostgreSQL")
class DriverSafetyTest {

    @Test
    @DisplayName("warns when the driver would put bound values into error messages, and not when it would not")
    void warnsAboutServerErrorDetail() {
        try (TestDatabase db = TestDatabase.fresh(Vendor.POSTGRESQL, "safety")) {
            PGSimpleDataSource unsafe = new PGSimpleDataSource();
            unsafe.setURL(db.url().replace("?logServerErrorDetail=false", ""));
            unsafe.setUser(db.user());

            String unsafeLogs;
            try (CapturedLogs logs = new CapturedLogs(); JpaCrmStore store = JpaCrmStore.create(unsafe)) {
                unsafeLogs = logs.text();
            }
            String safeLogs;
            try (CapturedLogs logs = new CapturedLogs(); JpaCrmStore store = JpaCrmStore.create(db.dataSource())) {
                safeLogs = logs.text();
            }

            assertThat(unsafeLogs).contains("puts bound values into error messages");
            assertThat(safeLogs).doesNotContain("puts bound values into error messages");
        }
    }
}

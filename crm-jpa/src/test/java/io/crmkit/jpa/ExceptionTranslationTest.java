package io.crmkit.jpa;

import static io.crmkit.jpa.testing.Fixtures.CANARY_NAME;
import static io.crmkit.jpa.testing.Fixtures.CANARY_PASSPORT;
import static io.crmkit.jpa.testing.Fixtures.customerWithPassport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.jpa.testing.CapturedLogs;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("Database exceptions")
class ExceptionTranslationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("a unique violation raised by the database itself becomes a DuplicateKeyException "
            + "whose message, causes and log lines never contain the value")
    void uniqueViolationLeaksNothing(Vendor vendor) {
        // with write batching the pre-check is skipped, so the database's own constraint fires at commit
        JpaStoreConfig batching = JpaStoreConfig.custom().batchWritesInTransactions(true).build();
        try (TestDatabase db = TestDatabase.fresh(vendor, "translate");
             JpaCrmStore store = JpaCrmStore.create(db.dataSource(), batching);
             CapturedLogs logs = new CapturedLogs()) {
            if (org.hibernate.Version.getVersionString().startsWith("6.")) {
                // Hibernate 6 has no hibernate.jdbc.log.errors: the README tells 6.x hosts to switch this logger off
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                        "org.hibernate.engine.jdbc.spi.SqlExceptionHelper")).setLevel(ch.qos.logback.classic.Level.OFF);
            }
            Throwable thrown = catchThrowable(() -> store.runInTransaction(() -> {
                store.customers().save(customerWithPassport("leak-1", CANARY_PASSPORT));
                store.customers().save(customerWithPassport("leak-2", CANARY_PASSPORT));
            }));

            assertThat(thrown).isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                assertThat(e.key()).isEqualTo("identifier");
                assertThat(e.aggregateType()).isEqualTo("Customer");
            });
            assertThat(stackTrace(thrown)).doesNotContain(CANARY_PASSPORT).doesNotContain(CANARY_NAME);
            assertThat(logs.text()).doesNotContain(CANARY_PASSPORT).doesNotContain(CANARY_NAME);
            assertThat(store.customers().findById(CustomerId.of("leak-1"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("a taken id found by the database at a batched commit is a conflict on the right aggregate type")
    void takenIdAtBatchedCommitIsConflict(Vendor vendor) {
        JpaStoreConfig batching = JpaStoreConfig.custom().batchWritesInTransactions(true).build();
        try (TestDatabase db = TestDatabase.fresh(vendor, "taken");
             JpaCrmStore store = JpaCrmStore.create(db.dataSource(), batching)) {
            store.customers().save(customerWithPassport("taken-1", "P1234567"));

            Throwable thrown = catchThrowable(() -> store.runInTransaction(() -> {
                store.customers().save(customerWithPassport("taken-2", "P7654321"));
                store.customers().save(customerWithPassport("taken-1", "P1111111"));
            }));

            assertThat(thrown).isInstanceOf(io.crmkit.core.error.ConflictException.class);
            if (vendor != Vendor.MARIADB) {
                // MariaDB names every primary key PRIMARY, so the table is not known there
                assertThat(((io.crmkit.core.error.ConflictException) thrown).aggregateType()).isEqualTo("Customer");
            }
            assertThat(store.customers().findById(CustomerId.of("taken-2"))).isEmpty();
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

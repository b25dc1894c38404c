package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.jpa.testing.Fixtures;

@DisplayName("Configuring and opening a JPA store")
class JpaStoreConfigTest {

    @Test
    @DisplayName("the builder checks every setting with a validation error naming it")
    void validatesRanges() {
        assertSetting(() -> JpaStoreConfig.custom().jdbcBatchSize(0), "jdbcBatchSize");
        assertSetting(() -> JpaStoreConfig.custom().jdbcBatchSize(10_001), "jdbcBatchSize");
        assertSetting(() -> JpaStoreConfig.custom().fetchSize(-5), "fetchSize");
        assertSetting(() -> JpaStoreConfig.custom().hibernateProperty(" ", "x"), "hibernateProperty.name");
        assertSetting(() -> JpaStoreConfig.custom().hibernateProperty(null, "x"), "hibernateProperty.name");
        assertSetting(() -> JpaStoreConfig.custom().hibernateProperty("a", null), "hibernateProperty.value");
        assertSetting(() -> JpaStoreConfig.from(null), "other");
        assertSetting(() -> io.crmkit.core.cache.CacheConfig.custom().maximumCustomers(-1), "maximumCustomers");
        assertSetting(() -> io.crmkit.core.cache.CacheConfig.custom().expireAfterWrite(java.time.Duration.ZERO),
                "expireAfterWrite");
    }

    private static void assertSetting(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String setting) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(io.crmkit.core.error.Violation::field).containsExactly(setting));
    }

    @Test
    @DisplayName("defaults, copies and toString are as documented")
    void defaultsAndCopies() {
        JpaStoreConfig defaults = JpaStoreConfig.ofDefaults();
        JpaStoreConfig copy = JpaStoreConfig.from(JpaStoreConfig.custom().jdbcBatchSize(200).build()).fetchSize(42).build();

        assertThat(defaults.jdbcBatchSize()).isEqualTo(50);
        assertThat(defaults.fetchSize()).isEqualTo(500);
        assertThat(defaults.migrate()).isTrue();
        assertThat(defaults.batchWritesInTransactions()).isFalse();
        assertThat(copy.jdbcBatchSize()).isEqualTo(200);
        assertThat(copy.fetchSize()).isEqualTo(42);
        assertThat(copy.toString()).contains("jdbcBatchSize=200");
    }

    @Test
    @DisplayName("an H2 file store keeps its data across restarts")
    void h2FileSurvivesRestart(@TempDir Path dir) {
        Path file = dir.resolve("crm");
        try (JpaCrmStore store = JpaCrmStore.h2File(file)) {
            store.customers().save(Fixtures.customer("file-1"));
        }
        try (JpaCrmStore store = JpaCrmStore.h2File(file)) {
            assertThat(store.customers().findById(CustomerId.of("file-1"))).isPresent();
        }
    }

    @Test
    @DisplayName("rejects bad names and null input with the library's errors, never a raw NullPointerException")
    void rejectsBadInput() {
        assertThatThrownBy(() -> JpaCrmStore.inMemoryH2("bad name; DROP")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name").hasMessageNotContaining("DROP");
        assertThatThrownBy(() -> JpaCrmStore.create(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("dataSource");
        try (JpaCrmStore store = JpaCrmStore.inMemoryH2("bad_input")) {
            assertThatThrownBy(() -> store.customers().save(null)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("aggregate");
            assertThatThrownBy(() -> store.customers().findById(null)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("id");
            assertThatThrownBy(() -> store.interactions().timeline(CustomerId.of("x"),
                    new io.crmkit.core.spi.PageRequest("1.2.%%%", 5))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("after");
            assertThatThrownBy(() -> store.tasks().findOpenByAssignee(io.crmkit.core.org.StaffId.of("rm"), 0))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> store.inTransaction(null)).isInstanceOf(ValidationException.class);
        }
    }
}

package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.jpa.internal.SchemaMigrator;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.TestDatabase;

/**
 * Proves that V2's {@code COLLATE "C"} is what makes ids order as in Java on a cluster with a
 * non-C locale: the same rows ordered by the V1 schema come out in the locale's order, which
 * differs from {@code String.compareTo}; after V2 they come out in Java's order.
 */
@DisplayName("On PostgreSQL with an en_US.UTF-8 collation, ids order as String.compareTo only thanks to V2")
class PostgresLocaleCollationTest {
    /** Ids whose en_US order (punctuation ignored at first, then case) differs from byte order. */
    private static final List<String> IDS = List.of("aB", "a-b", "a-B", "ab", "a_b", "a.b", "Ab", "a-c", "A-b");

    @Test
    @DisplayName("V1 alone orders ids by the locale; V2 orders them as Java does, in SQL and in the store")
    void collation() throws SQLException {
        List<String> javaOrder = IDS.stream().sorted().toList();
        try (TestDatabase db = TestDatabase.freshPostgresWithLocale("collation")) {
            SchemaMigrator.migrate(db.dataSource(), Database.POSTGRESQL, "1");
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().migrate(false).build())) {
                IDS.forEach(id -> store.customers().save(Fixtures.customer(id)));
            }
            List<String> v1Order = idsInSqlOrder(db);
            assertThat(v1Order).as("the cluster must really order by a non-C locale for this test to mean anything")
                    .containsExactlyInAnyOrderElementsOf(IDS).isNotEqualTo(javaOrder);

            SchemaMigrator.migrate(db.dataSource(), Database.POSTGRESQL);
            assertThat(idsInSqlOrder(db)).isEqualTo(javaOrder);
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource())) {
                List<String> paged = new ArrayList<>();
                PageRequest page = PageRequest.first(2);
                while (true) {
                    var result = store.customers().find(CustomerQuery.all(), page);
                    result.items().stream().map(c -> c.id().value()).forEach(paged::add);
                    if (!result.hasNext()) {
                        break;
                    }
                    page = new PageRequest(result.nextCursor(), 2);
                }
                assertThat(paged).isEqualTo(javaOrder);
            }
        }
    }

    private static List<String> idsInSqlOrder(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM crm_customer ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package io.crmkit.jpa.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("The test database servers")
class TestServersTest {
    private static final Logger LOG = LoggerFactory.getLogger(TestServersTest.class);

    @Test
    @DisplayName("include a real PostgreSQL server")
    void postgresIsReal() throws SQLException {
        assertThat(serverVersion(Vendor.POSTGRESQL, "SELECT version()")).startsWith("PostgreSQL ");
        LOG.info("PostgreSQL start-up took {} ms", PostgresServer.startupTime().toMillis());
    }

    @Test
    @DisplayName("include a real MariaDB server")
    void mariaDbIsReal() throws SQLException {
        assertThat(serverVersion(Vendor.MARIADB, "SELECT VERSION()")).contains("MariaDB");
        LOG.info("MariaDB start-up took {} ms", MariaDbServer.startupTime().toMillis());
    }

    @Test
    @DisplayName("give every caller its own empty database")
    void databasesAreIsolated() throws SQLException {
        try (TestDatabase first = TestDatabase.fresh(Vendor.POSTGRESQL, "isolation");
             TestDatabase second = TestDatabase.fresh(Vendor.POSTGRESQL, "isolation")) {
            assertThat(first.url()).isNotEqualTo(second.url());
            try (Connection c = first.openConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marker (id INT)");
            }
            try (Connection c = second.openConnection();
                 ResultSet rs = c.getMetaData().getTables(null, null, "marker", null)) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static String serverVersion(Vendor vendor, String sql) throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(vendor, "version");
             Connection c = db.openConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}

package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("The CRMKit schema migrations")
class CrmSchemaTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("create the tables on an empty database and record themselves in their own history table")
    void migratesAnEmptyDatabase(Vendor vendor) throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(vendor, "schema")) {
            Database detected = CrmSchema.migrate(db.dataSource());

            assertThat(detected.name()).isEqualTo(vendor.name());
            try (Connection c = db.dataSource().getConnection()) {
                insertCustomer(c, "C-1");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id, version, created_by FROM crm_customer")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("C-1");
                    assertThat(rs.getLong(2)).isEqualTo(1L);
                    assertThat(rs.getString(3)).isEqualTo("tester");
                    assertThat(rs.next()).isFalse();
                }
                assertThat(appliedMigrations(c)).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("are idempotent: a second run applies nothing and keeps the data")
    void secondRunChangesNothing(Vendor vendor) throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(vendor, "schema_again")) {
            CrmSchema.migrate(db.dataSource());
            int applied;
            try (Connection c = db.dataSource().getConnection()) {
                insertCustomer(c, "C-2");
                applied = appliedMigrations(c);
            }

            CrmSchema.migrate(db.dataSource());

            try (Connection c = db.dataSource().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_customer")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1L);
                assertThat(appliedMigrations(c)).isEqualTo(applied);
            }
        }
    }

    private static void insertCustomer(Connection c, String id) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-01-02T03:04:05.123456Z"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm_customer "
                + "(id, customer_type, lifecycle, version, created_at, created_by, updated_at, updated_by, doc)"
                + " VALUES (?, 'INDIVIDUAL', 'ACTIVE', 1, ?, 'tester', ?, 'tester', '{}')")) {
            ps.setString(1, id);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
    }

    private static int appliedMigrations(Connection c) throws SQLException {
        boolean h2 = c.getMetaData().getDatabaseProductName().contains("H2");
        // Flyway creates the history table with quoted lower-case names, which H2 keeps as they are
        String q = h2 ? "\"" : "";
        String sql = "SELECT COUNT(*) FROM " + q + CrmSchema.HISTORY_TABLE + q
                + " WHERE " + q + "success" + q
                + " AND " + q + "version" + q + " IS NOT NULL AND " + q + "version" + q + " <> '0'";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

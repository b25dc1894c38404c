package io.crmkit.jpa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a running test server listens and how to reach its administrative database.
 *
 * @param urlPrefix JDBC URL without the database name, ending in {@code /}
 * @param adminDatabase the database to connect to for {@code CREATE DATABASE}
 * @param urlSuffix query string appended after the database name (may be empty)
 */
record ServerEndpoint(String urlPrefix, String adminDatabase, String urlSuffix, String user, String password) {

    String urlFor(String database) {
        return urlPrefix + database + urlSuffix;
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(urlFor(adminDatabase), user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("administrative statement failed on " + urlPrefix, e);
        }
    }
}

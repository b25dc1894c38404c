package io.crmkit.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JPA store supports, each with its own migration scripts under
 * {@code db/migration/<folder>} on the class path.
 *
 * <p>Immutable and thread-safe.
 */
public enum Database {
    /** H2 2.x, in memory or in a file: the embedded default. */
    H2("h2"),
    /** PostgreSQL 13 or newer. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or newer (InnoDB). */
    MARIADB("mariadb");

    private final String folder;

    Database(String folder) {
        this.folder = folder;
    }

    /** The Flyway location of this database's migration scripts. */
    public String migrationLocation() {
        return "classpath:db/migration/" + folder;
    }

    /**
     * Finds the database behind a data source from the JDBC driver's product name.
     *
     * @throws IllegalStateException if the database cannot be reached
     * @throws IllegalArgumentException if it is not one of the supported ones
     */
    public static Database of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection to detect the database (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    /**
     * Finds the database from JDBC metadata.
     *
     * @throws IllegalArgumentException if the product is not one of the supported ones
     */
    public static Database of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database product '" + metaData.getDatabaseProductName()
                + "': supported are H2, PostgreSQL and MariaDB");
    }
}

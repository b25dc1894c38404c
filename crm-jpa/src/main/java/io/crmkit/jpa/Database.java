package io.crmkit.jpa;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The databases the JPA store supports, each with its own migration scripts under
 * {@code db/migration/<folder>} on the class path.
 *
 * <p>Immutable and thread-safe.
 */
public enum Database {
    /** H2 2.x, in memory or in a file: the embedded default. */
    H2("h2", "CHARACTER VARYING(1000000000)", "TIMESTAMP(6) WITH TIME ZONE", "", ""),
    /** PostgreSQL 13 or newer. */
    POSTGRESQL("postgresql", "TEXT", "TIMESTAMP(6) WITH TIME ZONE", "COLLATE \"C\"", ""),
    /** MariaDB 10.6 or newer (InnoDB). */
    MARIADB("mariadb", "LONGTEXT", "DATETIME(6)", "",
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");

    /** The Flyway location of the scripts written once for every database, with {@link #placeholders()}. */
    public static final String SHARED_MIGRATION_LOCATION = "classpath:db/migration/common";

    private final String folder;
    private final Map<String, String> placeholders;

    Database(String folder, String docType, String instantType, String keyCollation, String tableOptions) {
        this.folder = folder;
        this.placeholders = Map.of("doc_type", docType, "instant_type", instantType, "key_collation", keyCollation,
                "table_options", tableOptions);
    }

    /**
     * The Flyway location of this database's own migration scripts (only what differs between
     * databases; see {@link #migrationLocations()}).
     */
    public String migrationLocation() {
        return "classpath:db/migration/" + folder;
    }

    /**
     * Every Flyway location of this database: the shared scripts and its own. A host running its
     * own Flyway passes all of them and {@link #placeholders()}.
     */
    public List<String> migrationLocations() {
        return List.of(SHARED_MIGRATION_LOCATION, migrationLocation());
    }

    /**
     * The Flyway placeholders the shared scripts use, so one script serves every database:
     * {@code ${doc_type}} (a JSON document column), {@code ${instant_type}} (an instant at
     * microseconds, UTC), {@code ${key_collation}} (after an id or key column: byte order) and
     * {@code ${table_options}} (after a {@code CREATE TABLE}'s closing parenthesis).
     */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * Finds the database behind a data source from the JDBC driver's product name.
     *
     * @throws StoreException if the database cannot be reached
     * @throws ValidationException naming {@code dataSource} if it is not one of the supported ones
     */
    public static Database of(DataSource dataSource) {
        Check.notNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData());
        } catch (SQLException e) {
            // the driver's message may carry the URL or a server detail: keep the SQLState only
            throw new StoreException("cannot open a connection to detect the database (SQLState "
                    + e.getSQLState() + ")", true);
        }
    }

    /**
     * Finds the database from JDBC metadata.
     *
     * @throws ValidationException naming {@code dataSource} if the product is not one of the supported ones
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
        throw ValidationException.of("dataSource", "SupportedDatabase", "supported are H2, PostgreSQL and MariaDB");
    }
}

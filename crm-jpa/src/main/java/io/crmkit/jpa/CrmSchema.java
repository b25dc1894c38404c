package io.crmkit.jpa;

import java.util.Objects;
import javax.sql.DataSource;

import io.crmkit.jpa.internal.SchemaMigrator;

/**
 * The CRMKit schema: versioned Flyway migrations per {@link Database}, recorded in their own
 * history table {@value #HISTORY_TABLE} so they never mix with the host's own Flyway history.
 *
 * <p>A host that runs its own Flyway can instead add {@link Database#migrationLocation()} to its
 * locations, or hand the scripts to its DBAs. Hibernate never creates or alters tables
 * ({@code hbm2ddl} stays off); at most it validates them.
 *
 * <p>Thread-safe: migrations on one database are serialised by Flyway's lock on the history table.
 */
public final class CrmSchema {
    /** The table in which Flyway records the CRMKit migrations it applied. */
    public static final String HISTORY_TABLE = "crm_schema_history";

    private CrmSchema() {
    }

    /**
     * Brings the schema behind {@code dataSource} to the newest version; does nothing if it is
     * already there.
     *
     * @return the database that was detected and migrated
     * @throws io.crmkit.core.error.StoreException if a migration fails (the message names the script, not data)
     */
    public static Database migrate(DataSource dataSource) {
        io.crmkit.core.check.Check.notNull(dataSource, "dataSource");
        Database database = Database.of(dataSource);
        SchemaMigrator.migrate(dataSource, database);
        return database;
    }
}

package io.crmkit.jpa.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.crmkit.core.error.StoreException;
import io.crmkit.jpa.CrmSchema;
import io.crmkit.jpa.Database;

/** Runs the Flyway migrations of one database. Stateless and thread-safe. */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** Applies the pending migrations of {@code database} through {@code dataSource}. */
    public static void migrate(DataSource dataSource, Database database) {
        migrate(dataSource, database, null);
    }

    /**
     * Applies the migrations of {@code database} up to {@code targetVersion} ({@code null}: all),
     * for tests that need a schema at an older version.
     */
    public static void migrate(DataSource dataSource, Database database, @Nullable String targetVersion) {
        var config = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(database.migrationLocations().toArray(String[]::new))
                .placeholders(database.placeholders())
                .table(CrmSchema.HISTORY_TABLE)
                // the host may already own tables in this schema: start our history beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateOnMigrate(true)
                .cleanDisabled(true);
        if (targetVersion != null) {
            config = config.target(targetVersion);
        }
        Flyway flyway = config.load();
        try {
            MigrateResult result = flyway.migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
            LOG.info("CRMKit schema on {} at version {} ({} migrations applied)", database, version,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            // Flyway messages name scripts and SQL states, not row values: safe to pass on
            throw new StoreException("CRMKit schema migration failed on " + database + ": " + e.getMessage(), false, e);
        }
    }
}

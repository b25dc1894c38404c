package io.crmkit.jpa.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.crmkit.jpa.Database;

/**
 * Checks, once at start-up, driver settings that decide whether personal data can reach logs.
 * The PostgreSQL driver puts server error details and the bound values of a failed batch entry
 * into its exception messages unless {@code logServerErrorDetail=false}; connection pools (HikariCP
 * among them) log such exceptions as they are when they drop a broken connection, outside the
 * store's reach. Stateless and thread-safe.
 */
final class DriverSafety {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSafety.class);

    private DriverSafety() {
    }

    static void check(DataSource dataSource, Database database) {
        if (database != Database.POSTGRESQL) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Class<?> base = Class.forName("org.postgresql.core.BaseConnection", false, c.getClass().getClassLoader());
            if (!c.isWrapperFor(base)) {
                return;
            }
            Object pg = c.unwrap(base);
            Method m = base.getMethod("getLogServerErrorDetail");
            if (Boolean.TRUE.equals(m.invoke(pg))) {
                LOG.warn("the PostgreSQL driver puts bound values into error messages; add "
                        + "logServerErrorDetail=false to the JDBC URL so that pools and hosts cannot log them");
            }
        } catch (SQLException | ReflectiveOperationException | LinkageError e) {
            LOG.debug("could not check the PostgreSQL driver's logServerErrorDetail setting ({})",
                    e.getClass().getSimpleName());
        }
    }
}

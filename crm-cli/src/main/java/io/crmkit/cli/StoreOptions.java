package io.crmkit.cli;

import io.crmkit.core.error.ValidationException;
import io.crmkit.jpa.JpaCrmStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the data is: {@code --h2 FILE} (an H2 database file, created and migrated if missing) or
 * {@code --jdbc URL} with {@code --user} and the password from the {@code CRM_DB_PASSWORD}
 * environment variable (never a command-line argument, which other users can see). Mixed into
 * every command that touches the store. Not thread-safe.
 */
public final class StoreOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--h2", paramLabel = "FILE", description = "H2 database file (without .mv.db)")
        @Nullable Path h2;

        @Option(names = "--jdbc", paramLabel = "URL", description = "JDBC URL (jdbc:h2:... or jdbc:postgresql://...)")
        @Nullable String jdbc;
    }

    @Option(names = "--user", paramLabel = "NAME", description = "database user (with --jdbc)")
    @Nullable String user;

    /** Opens the store; the caller closes it. */
    public JpaCrmStore open() {
        if (target.h2 != null) {
            // WRITE_DELAY=0: by default H2 flushes a commit up to a second later, so a killed
            // import could lose chunks its checkpoint already counts as done.
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + target.h2.toAbsolutePath() + ";WRITE_DELAY=0");
            h2.setUser("sa");   // as JpaCrmStore.h2File, so either opens the other's file
            return JpaCrmStore.create(h2);
        }
        String url = target.jdbc;
        String password = System.getenv("CRM_DB_PASSWORD");
        DataSource ds;
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "" : user);
            h2.setPassword(password == null ? "" : password);
            ds = h2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            try {
                pg.setURL(url);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("--jdbc", "JdbcUrl", "is not a PostgreSQL JDBC URL");
            }
            pg.setUser(user);
            pg.setPassword(password);
            pg.setLogServerErrorDetail(false);
            ds = pg;
        } else {
            throw ValidationException.of("--jdbc", "JdbcUrl", "must start with jdbc:h2: or jdbc:postgresql:");
        }
        try {
            return JpaCrmStore.create(ds);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("--jdbc", "Database", "is not a database the store supports");
        }
    }

}

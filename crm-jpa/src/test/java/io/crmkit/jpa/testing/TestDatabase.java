package io.crmkit.jpa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One empty database (a PostgreSQL database, a MariaDB schema or an H2 in-memory database) on a
 * server that is shared by the whole test JVM. Each test class asks {@link #fresh(Vendor, String)}
 * for its own, so classes never see each other's rows and no cleanup between classes is needed.
 *
 * <p>Not thread-safe to create; the returned pools are thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Vendor vendor;
    private final String url;
    private final String user;
    private final String password;
    private HikariDataSource pool;

    private TestDatabase(Vendor vendor, String url, String user, String password) {
        this.vendor = vendor;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Creates a new empty database on the shared server of {@code vendor}, starting that server on
     * first use.
     *
     * @param purpose a short lower-case label that becomes part of the database name
     */
    public static TestDatabase fresh(Vendor vendor, String purpose) {
        Objects.requireNonNull(vendor, "vendor");
        String name = "crm_" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_")
                + "_" + SEQUENCE.incrementAndGet();
        switch (vendor) {
            case H2:
                return new TestDatabase(vendor, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL:
                ServerEndpoint pg = PostgresServer.endpoint();
                pg.execute("CREATE DATABASE " + name);
                return new TestDatabase(vendor, pg.urlFor(name), pg.user(), pg.password());
            case MARIADB:
                ServerEndpoint maria = MariaDbServer.endpoint();
                maria.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                return new TestDatabase(vendor, maria.urlFor(name), maria.user(), maria.password());
            default:
                throw new IllegalArgumentException("unknown vendor " + vendor);
        }
    }

    /**
     * A new empty PostgreSQL database whose default collation is {@link PostgresServer#LOCALE}, on
     * a cluster initialised with that locale (or, on an external server, created with it).
     */
    public static TestDatabase freshPostgresWithLocale(String purpose) {
        String name = "crm_" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_")
                + "_" + SEQUENCE.incrementAndGet();
        ServerEndpoint pg = PostgresServer.localeEndpoint();
        pg.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '"
                + PostgresServer.LOCALE + "' LC_CTYPE '" + PostgresServer.LOCALE + "'");
        return new TestDatabase(Vendor.POSTGRESQL, pg.urlFor(name), pg.user(), pg.password());
    }

    public Vendor vendor() {
        return vendor;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A pooled data source on this database, created on first call and closed by {@link #close()}. */
    public synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(20);
            config.setMinimumIdle(0);
            config.setAutoCommit(true);
            config.setPoolName("test-" + vendor.name().toLowerCase(java.util.Locale.ROOT));
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A new unpooled connection, for tests that must own (and may kill) a connection. */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + vendor + "]";
    }
}

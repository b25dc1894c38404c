package io.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL 14 (zonky binaries from Maven Central) for the scale runs, with a small
 * connection pool. Runs as root too: zonky wraps the server in {@code unshare -U}. The server keeps
 * zonky's defaults ({@code synchronous_commit=off}, fsync on) plus a larger buffer pool and WAL.
 *
 * <p>Not thread-safe to start; the pool is thread-safe.
 */
public final class BenchDatabase implements AutoCloseable {
    private final EmbeddedPostgres pg;
    final String url;
    final JdbcConnectionPool pool;

    private BenchDatabase(EmbeddedPostgres pg, String url, JdbcConnectionPool pool) {
        this.pg = pg;
        this.url = url;
        this.pool = pool;
    }

    public static BenchDatabase start(String name) {
        return start(name, null);
    }

    /**
     * A server on {@code dataDirectory}, kept after close so a later run reuses what an earlier one
     * loaded (the database {@code name} is created only if absent); {@code null} for a throw-away
     * directory. A kept directory also runs with {@code wal_level=minimal}, so a COPY into a table
     * truncated in the same transaction writes no WAL (see {@code CopyLoader}).
     */
    public static BenchDatabase start(String name, Path dataDirectory) {
        try {
            long t0 = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("shared_buffers", "2GB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0");
            }
            EmbeddedPostgres pg = builder.start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                boolean exists;
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
                    exists = rs.next() && rs.getLong(1) > 0;
                }
                if (!exists) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
            PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
            cpds.setServerNames(new String[] {"localhost"});
            cpds.setPortNumbers(new int[] {pg.getPort()});
            cpds.setDatabaseName(name);
            cpds.setUser("postgres");
            // one INSERT with many VALUES rows per JDBC batch, and no values in error messages
            cpds.setReWriteBatchedInserts(true);
            cpds.setLogServerErrorDetail(false);
            JdbcConnectionPool pool = JdbcConnectionPool.create(cpds);
            pool.setMaxConnections(8);
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
            System.out.printf("embedded PostgreSQL started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            return new BenchDatabase(pg, url, pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        pool.dispose();
        pg.close();
    }
}

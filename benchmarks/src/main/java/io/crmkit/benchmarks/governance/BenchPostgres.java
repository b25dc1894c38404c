package io.crmkit.benchmarks.governance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** An embedded PostgreSQL with a small pool, for the governance benchmark. Not thread-safe to start. */
final class BenchPostgres implements AutoCloseable {
    static BenchPostgres last;
    private final EmbeddedPostgres pg;
    private final JdbcConnectionPool pool;

    private BenchPostgres(EmbeddedPostgres pg, JdbcConnectionPool pool) {
        this.pg = pg;
        this.pool = pool;
    }

    static BenchPostgres start(String name) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "4GB").start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
            cpds.setServerNames(new String[] {"localhost"});
            cpds.setPortNumbers(new int[] {pg.getPort()});
            cpds.setDatabaseName(name);
            cpds.setUser("postgres");
            cpds.setReWriteBatchedInserts(true);
            cpds.setLogServerErrorDetail(false);
            JdbcConnectionPool pool = JdbcConnectionPool.create(cpds);
            pool.setMaxConnections(8);
            last = new BenchPostgres(pg, pool);
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        pool.dispose();
        pg.close();
    }
}

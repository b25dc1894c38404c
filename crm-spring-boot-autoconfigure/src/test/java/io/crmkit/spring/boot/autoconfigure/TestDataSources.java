package io.crmkit.spring.boot.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Fresh in-memory H2 databases behind a pool, one per test application. */
final class TestDataSources {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestDataSources() {
    }

    static DataSource freshH2() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:boot" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(4);
        return ds;
    }
}

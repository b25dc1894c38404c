package io.crmkit.spring.boot.autoconfigure;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.crmkit.jpa.HostTransaction;

/**
 * Spring's transaction on the store's {@code DataSource}, as the JPA store's
 * {@link HostTransaction}: the JDBC connection that Spring's {@code DataSourceTransactionManager}
 * (or {@code JdbcTransactionManager}, or a {@code JpaTransactionManager} given the same
 * {@code DataSource}) has bound to the calling thread for a running transaction. A
 * {@code JdbcTemplate} uses the same connection, so host rows and CRM rows commit or roll back
 * together; without a running transaction (or with one on another {@code DataSource}) the store
 * runs its own.
 *
 * <p>Thread-safe: it reads Spring's thread-bound state only.
 */
final class SpringHostTransaction implements HostTransaction {
    private final DataSource dataSource;

    SpringHostTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Connection> current() {
        // a connection Spring bound without a running transaction (SUPPORTS) is in auto-commit: not joined
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            return Optional.of(holder.getConnection());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SpringHostTransaction";
    }
}

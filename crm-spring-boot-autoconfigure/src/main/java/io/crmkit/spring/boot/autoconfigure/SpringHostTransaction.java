package io.crmkit.spring.boot.autoconfigure;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronization;
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
final class SpringHostTransaction implements HostTransaction, HostTransactionHooks {
    private final DataSource dataSource;
    private final List<Runnable> rollbackActions = new CopyOnWriteArrayList<>();
    /** The key of the marker bound while a joined transaction runs, so its synchronization is registered once. */
    private final Object joinedKey = new Object();

    SpringHostTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Connection> current() {
        // a connection Spring bound without a running transaction (SUPPORTS) is in auto-commit: not joined
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            watchCompletion();
            return Optional.of(holder.getConnection());
        }
        return Optional.empty();
    }

    @Override
    public boolean joined() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder;
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public void onRollback(Runnable action) {
        rollbackActions.add(action);
    }

    private void watchCompletion() {
        if (rollbackActions.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(joinedKey)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(joinedKey, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(joinedKey);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(joinedKey, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(joinedKey);
                if (status != STATUS_COMMITTED) {
                    rollbackActions.forEach(Runnable::run);
                }
            }
        });
    }

    @Override
    public String toString() {
        return "SpringHostTransaction";
    }
}

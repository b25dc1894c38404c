package io.crmkit.jpa;

import java.sql.Connection;
import java.util.Optional;

/**
 * The host's own transaction on the store's {@code DataSource}, for a {@link JpaCrmStore} that
 * keeps its own persistence unit but takes part in transactions the host manages with plain JDBC
 * (a Spring {@code @Transactional} method with a {@code DataSourceTransactionManager}, a
 * hand-written unit of work). While such a transaction runs on the calling thread, every unit of
 * work of the store writes through the host's connection: inside a savepoint, so a failed CRMKit
 * call leaves nothing of its own behind and the host may go on; never committing, rolling back or
 * closing the connection, so the host's commit or rollback decides for the CRM rows and the host's
 * rows together. Without one, the store begins and commits its own transactions as usual.
 *
 * <pre>{@code
 * HostTransaction host = () -> Optional.ofNullable(myUnitOfWork.currentConnection());
 * JpaCrmStore store = JpaCrmStore.create(dataSource, JpaStoreConfig.ofDefaults(), host);
 * }</pre>
 *
 * <p>The connection must come from the same database as the store's {@code DataSource} (the
 * store's schema must be reachable through it). Implementations must be thread-safe and answer
 * for the calling thread only; they are asked once at the start of each outermost unit of work.
 */
@FunctionalInterface
public interface HostTransaction {
    /** The connection of the host transaction running on the calling thread, or empty when none runs. */
    Optional<Connection> current();

    /** No host transaction ever: the store always runs its own. */
    static HostTransaction none() {
        return Optional::empty;
    }
}

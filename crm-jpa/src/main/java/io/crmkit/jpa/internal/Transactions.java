package io.crmkit.jpa.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

/**
 * How the store gets its {@link EntityManager} and transaction: its own (built from a
 * {@code DataSource}) or the host's. Repositories never begin or commit themselves; they ask this.
 *
 * <p>Implementations are thread-safe; each thread has its own entity manager.
 */
interface Transactions {
    /** Runs {@code work} in a transaction, joining the current one if there is one. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs one repository operation with the entity manager of the current transaction, or in a
     * transaction of its own when none is running.
     */
    <T> T run(Function<EntityManager, T> operation);

    /**
     * Opens a lazy stream whose entity manager (and, outside a transaction, whose own read
     * transaction) stays open until the stream is closed.
     */
    <T> Stream<T> stream(Function<EntityManager, Stream<T>> opener);

    /** Marks the current transaction so it can only roll back, after a database error inside it. */
    void markRollbackOnly();
}

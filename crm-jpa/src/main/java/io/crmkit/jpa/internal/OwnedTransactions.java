package io.crmkit.jpa.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import java.sql.Connection;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.StoreException;
import io.crmkit.jpa.HostTransaction;

/**
 * Resource-local transactions on the store's own {@link EntityManagerFactory}: one entity manager
 * per thread and transaction, kept in a thread-local while the transaction runs so that nested
 * calls join it.
 *
 * <p>When a {@link HostTransaction} runs on the thread, the outermost unit opens its entity manager
 * on the host's connection instead ({@link HostConnections}): the unit runs inside a savepoint that
 * a failure rolls back, and the host's commit or rollback decides for everything else.
 *
 * <p>Thread-safe.
 */
final class OwnedTransactions implements Transactions {
    private final EntityManagerFactory emf;
    private final HostTransaction host;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    OwnedTransactions(EntityManagerFactory emf) {
        this(emf, HostTransaction.none());
    }

    OwnedTransactions(EntityManagerFactory emf, HostTransaction host) {
        this.emf = emf;
        this.host = host;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // a failed nested unit dooms the outer one even if the outer work catches this
                // (CrmStore.inTransaction: rollback-only, as JTA's REQUIRED)
                markRollbackOnly();
                throw e;
            }
        }
        Optional<Connection> hosted = hostConnection();
        if (hosted.isPresent()) {
            return inHostTransaction(hosted.get(), work);
        }
        EntityManager em = open();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            begin(tx);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                // the work's own exception leaves as it is; only the store's failures are translated
                rollbackQuietly(tx);
                throw e;
            }
            if (tx.getRollbackOnly()) {
                rollbackQuietly(tx);
                throw new StoreException("the transaction failed earlier and was rolled back", false);
            }
            commit(tx);
            return result;
        } finally {
            current.remove();
            em.close();
        }
    }

    /**
     * The outermost unit inside the host's transaction: the same steps on an entity manager over the
     * host's connection, whose commit only flushes (the host commits) and whose failure rolls back to
     * the savepoint taken at the start, so the host's transaction stays usable.
     */
    private <T> T inHostTransaction(Connection connection, Supplier<T> work) {
        HostConnections.Unit unit = HostConnections.begin(emf, connection);
        EntityManager em = unit.entityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            begin(tx);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx);
                unit.rollbackToSavepoint();
                throw e;
            }
            if (tx.getRollbackOnly()) {
                rollbackQuietly(tx);
                unit.rollbackToSavepoint();
                throw new StoreException("the transaction failed earlier and was rolled back", false);
            }
            try {
                tx.commit(); // flushes; the host's connection does not commit (HostConnections)
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                unit.rollbackToSavepoint();
                throw ExceptionTranslator.translate(e);
            }
            unit.releaseSavepoint();
            return result;
        } finally {
            current.remove();
            em.close();
        }
    }

    private Optional<Connection> hostConnection() {
        if (!emf.isOpen()) {
            throw new StoreException("the store is closed", false);
        }
        Optional<Connection> connection = host.current();
        return connection == null ? Optional.empty() : connection;
    }

    /** A new entity manager, or the store's own exception once the store is closed. */
    private EntityManager open() {
        if (!emf.isOpen()) {
            throw new StoreException("the store is closed", false);
        }
        try {
            return emf.createEntityManager();
        } catch (IllegalStateException e) {
            // closed between the check and the call (Hibernate's own message names no data)
            throw new StoreException("the store is closed", false);
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    /** Runs one operation; a database failure marks the transaction and leaves translated. */
    <T> T guarded(Function<EntityManager, T> operation, EntityManager em) {
        try {
            return operation.apply(em);
        } catch (CrmException e) {
            throw e;
        } catch (RuntimeException e) {
            markRollbackOnly();
            throw ExceptionTranslator.translate(e);
        }
    }

    static void begin(EntityTransaction tx) {
        try {
            tx.begin();
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    static void commit(EntityTransaction tx) {
        try {
            tx.commit();
        } catch (RuntimeException e) {
            rollbackQuietly(tx);
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public <T> T run(Function<EntityManager, T> operation) {
        EntityManager em = current.get();
        if (em != null) {
            return guarded(operation, em);
        }
        return inTransaction(() -> guarded(operation, current.get()));
    }

    @Override
    public <T> Stream<T> stream(Function<EntityManager, Stream<T>> opener) {
        EntityManager joined = current.get();
        if (joined != null) {
            return TranslatingStreams.of(opener.apply(joined));
        }
        Optional<Connection> hosted = hostConnection();
        EntityManager em = hosted.isPresent() ? HostConnections.open(emf, hosted.get()) : open();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            return TranslatingStreams.of(opener.apply(em)).onClose(() -> {
                rollbackQuietly(tx); // read-only: nothing to commit
                em.close();
            });
        } catch (RuntimeException e) {
            rollbackQuietly(tx);
            em.close();
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public void markRollbackOnly() {
        EntityManager em = current.get();
        if (em != null && em.getTransaction().isActive()) {
            em.getTransaction().setRollbackOnly();
        }
    }

    static void rollbackQuietly(EntityTransaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection may be gone; the database rolls back on its own then
        }
    }
}

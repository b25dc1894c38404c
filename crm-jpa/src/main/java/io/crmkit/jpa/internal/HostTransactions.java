package io.crmkit.jpa.internal;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.StoreException;

/**
 * Transactions owned by the host: the store uses the host's {@link EntityManager} (for example a
 * container- or Spring-managed shared entity manager bound to the current transaction), so CRM
 * writes commit or roll back together with the host's own writes.
 *
 * <p>If the entity manager is joined to a JTA transaction, or its resource-local transaction is
 * active, the store joins it and never commits. Otherwise (a resource-local entity manager with no
 * active transaction) {@link #inTransaction} begins and commits one on the host's entity manager.
 *
 * <p>Thread-safe as far as the supplier is: it must return the entity manager of the calling thread.
 */
final class HostTransactions implements Transactions {
    private final Supplier<EntityManager> entityManager;

    HostTransactions(Supplier<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        EntityManager em = entityManager.get();
        if (isJoined(em)) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // a failed unit inside a running transaction dooms it (CrmStore.inTransaction)
                markRollbackOnly();
                throw e;
            }
        }
        EntityTransaction tx = em.getTransaction();
        OwnedTransactions.begin(tx);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            OwnedTransactions.rollbackQuietly(tx);
            throw e;
        }
        if (tx.getRollbackOnly()) {
            OwnedTransactions.rollbackQuietly(tx);
            throw new StoreException("the transaction failed earlier and was rolled back", false);
        }
        OwnedTransactions.commit(tx);
        return result;
    }

    @Override
    public <T> T run(Function<EntityManager, T> operation) {
        EntityManager em = entityManager.get();
        if (isJoined(em)) {
            return guarded(operation, em);
        }
        return inTransaction(() -> guarded(operation, em));
    }

    private <T> T guarded(Function<EntityManager, T> operation, EntityManager em) {
        try {
            return operation.apply(em);
        } catch (CrmException e) {
            throw e;
        } catch (RuntimeException e) {
            markRollbackOnly();
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public <T> Stream<T> stream(Function<EntityManager, Stream<T>> opener) {
        EntityManager em = entityManager.get();
        if (!isJoined(em)) {
            throw new StoreException("streaming on a host entity manager needs an active host transaction", false);
        }
        return TranslatingStreams.of(opener.apply(em));
    }

    @Override
    public void markRollbackOnly() {
        EntityManager em = entityManager.get();
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().setRollbackOnly();
            }
        } catch (IllegalStateException jta) {
            // a JTA entity manager: the exception reaching the container rolls the transaction back
        }
    }

    private static boolean isJoined(EntityManager em) {
        try {
            return em.getTransaction().isActive();
        } catch (IllegalStateException jta) {
            return em.isJoinedToTransaction();
        }
    }
}

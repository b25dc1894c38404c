package io.crmkit.jpa.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;

import io.crmkit.core.error.StoreException;

/**
 * Entity managers over a connection the host owns (see {@link io.crmkit.jpa.HostTransaction}).
 * Hibernate is handed a view of the connection on which {@code commit}, {@code rollback()},
 * {@code setAutoCommit}, {@code close} and {@code abort} do nothing, so its own transaction
 * handling only flushes; the host's transaction manager commits, rolls back and releases the real
 * connection. A unit of work runs inside a savepoint so that its failure can be undone alone.
 *
 * <p>Stateless and thread-safe; each {@link Unit} belongs to one thread.
 */
final class HostConnections {
    private HostConnections() {
    }

    /** An entity manager on the host's connection, without a savepoint (reads, streams). */
    static EntityManager open(EntityManagerFactory emf, Connection connection) {
        try {
            return emf.unwrap(SessionFactory.class).withOptions().connection(hostOwned(connection)).openSession();
        } catch (IllegalStateException e) {
            throw new StoreException("the store is closed", false);
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    /** Sets a savepoint on the host's connection and opens an entity manager on it. */
    static Unit begin(EntityManagerFactory emf, Connection connection) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            // no message: a driver's text may quote the URL or server details
            throw new StoreException("cannot set a savepoint in the host's transaction (SQLState " + e.getSQLState()
                    + ")", ExceptionTranslator.isTransient(e));
        }
        return new Unit(open(emf, connection), connection, savepoint);
    }

    /** One unit of work of the store inside the host's transaction. */
    record Unit(EntityManager entityManager, Connection connection, Savepoint savepoint) {
        /** Undoes what the unit wrote; the host's earlier writes stay. Never throws: the unit's own failure leaves. */
        void rollbackToSavepoint() {
            try {
                connection.rollback(savepoint);
            } catch (SQLException ignored) {
                // the connection may be gone: the host's transaction fails as a whole then
            }
        }

        void releaseSavepoint() {
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException ignored) {
                // some drivers release savepoints only at commit; keeping it costs nothing
            }
        }

        @Override
        public String toString() {
            return "HostConnections.Unit";
        }
    }

    private static Connection hostOwned(Connection connection) {
        return (Connection) Proxy.newProxyInstance(HostConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new HostOwned(connection));
    }

    /** Passes everything to the host's connection except what ends or reconfigures its transaction. */
    private static final class HostOwned implements InvocationHandler {
        private final Connection target;

        HostOwned(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = method.getParameterCount();
            if ((name.equals("commit") || name.equals("rollback") || name.equals("close")) && arity == 0
                    || name.equals("setAutoCommit") || name.equals("abort")) {
                return null;
            }
            if (name.equals("equals") && arity == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && arity == 0) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString") && arity == 0) {
                return "HostOwnedConnection";
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package io.crmkit.jpa.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * A PostgreSQL data source that, when armed, terminates its own server backend with
 * {@code pg_terminate_backend} just before the n-th {@code executeBatch} of any statement, so the
 * store loses its connection in the middle of a transaction's batches, as when a DBA or a failover
 * kills it. Thread-safe.
 */
public final class KillSwitchDataSource implements DataSource {
    private final DataSource delegate;
    private final TestDatabase admin;
    private final AtomicInteger batchesUntilKill = new AtomicInteger(-1);
    private final AtomicInteger kills = new AtomicInteger();

    public KillSwitchDataSource(DataSource delegate, TestDatabase admin) {
        this.delegate = delegate;
        this.admin = admin;
    }

    /** Kills the backend before the {@code n}-th batch from now (1 = the next one). */
    public void armAtBatch(int n) {
        batchesUntilKill.set(n);
    }

    public void disarm() {
        batchesUntilKill.set(-1);
    }

    public int kills() {
        return kills.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(delegate.getConnection(user, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement ps) {
                return statement(ps, pid, PreparedStatement.class);
            }
            if (result instanceof Statement s) {
                return statement(s, pid, Statement.class);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private <S extends Statement> S statement(S target, int pid, Class<S> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("executeBatch") && batchesUntilKill.get() > 0
                    && batchesUntilKill.decrementAndGet() == 0) {
                kill(pid);
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private void kill(int pid) throws SQLException {
        try (Connection c = admin.openConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            ps.execute();
        }
        kills.incrementAndGet();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}

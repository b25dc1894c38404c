package io.crmkit.spring.boot.autoconfigure;

/**
 * What the {@code Crm} bean needs from the host transaction the JPA store joins, without naming
 * Spring JDBC types (spring-jdbc is optional): whether one runs on this thread, and a way to act
 * when it ends. Implemented by {@link SpringHostTransaction}. Thread-safe; about the calling thread.
 */
interface HostTransactionHooks {
    /** Whether the store would write through a host transaction on this thread now. */
    boolean joined();

    /** Runs {@code action} after the host transaction on this thread commits (not at all on rollback). */
    void afterCommit(Runnable action);

    /** Runs {@code action} after every host transaction the store took part in that rolled back. */
    void onRollback(Runnable action);
}

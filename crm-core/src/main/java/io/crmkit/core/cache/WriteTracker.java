package io.crmkit.core.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Remembers, per thread and outermost transaction, which cache entries the transaction wrote, so
 * that (1) the transaction reads those from the store and sees its own writes, and (2) they are
 * evicted again when it ends: a reader on another thread may have cached the old value between the
 * write and the commit. Thread-safe (the state is thread-confined).
 */
final class WriteTracker {
    private static final class Tx {
        final Set<Object> keys = new HashSet<>();
        final List<Runnable> evictions = new ArrayList<>();
    }

    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    boolean inTransaction() {
        return current.get() != null;
    }

    /** Whether the running transaction on this thread wrote {@code key}. */
    boolean writtenInTransaction(Object key) {
        Tx tx = current.get();
        return tx != null && tx.keys.contains(key);
    }

    /** Evicts now and, inside a transaction, records {@code keys} and evicts again when it ends. */
    void written(Runnable evict, Object... keys) {
        evict.run();
        Tx tx = current.get();
        if (tx != null) {
            tx.keys.addAll(List.of(keys));
            tx.evictions.add(evict);
        }
    }

    <T> T around(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Tx tx = new Tx();
        current.set(tx);
        try {
            return work.get();
        } finally {
            current.remove();
            tx.evictions.forEach(Runnable::run);
        }
    }
}

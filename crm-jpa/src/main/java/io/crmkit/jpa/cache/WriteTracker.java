package io.crmkit.jpa.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers, per thread and outermost transaction, which cache entries were written, so they are
 * evicted again when the transaction ends: a reader on another thread may have cached the old
 * value between the write and the commit. Inside the transaction, written keys bypass the cache,
 * so the transaction sees its own writes. Thread-safe (thread-confined state).
 */
final class WriteTracker {
    private final ThreadLocal<List<Runnable>> evictions = new ThreadLocal<>();

    boolean inTransaction() {
        return evictions.get() != null;
    }

    /** Evicts now and, inside a transaction, again when it ends. */
    void written(Runnable evict) {
        evict.run();
        List<Runnable> pending = evictions.get();
        if (pending != null) {
            pending.add(evict);
        }
    }

    <T> T around(java.util.function.Supplier<T> work) {
        if (evictions.get() != null) {
            return work.get();
        }
        List<Runnable> pending = new ArrayList<>();
        evictions.set(pending);
        try {
            return work.get();
        } finally {
            evictions.remove();
            pending.forEach(Runnable::run);
        }
    }
}

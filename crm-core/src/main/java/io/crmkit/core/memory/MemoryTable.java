package io.crmkit.core.memory;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.Repository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate's rows with optimistic versioning and secondary indexes kept by subclasses.
 * Rows are guarded by the store's read-write lock: reads take the read lock, writes are applied
 * under the write lock by {@link InMemoryCrmStore#write}.
 */
abstract class MemoryTable<A extends Aggregate<I, A>, I extends Comparable<I>> implements Repository<A, I> {
    final InMemoryCrmStore store;
    final Map<I, A> rows = new HashMap<>();
    private final String typeName;

    MemoryTable(InMemoryCrmStore store, String typeName) {
        this.store = store;
        this.typeName = typeName;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Optional<A> findById(I id) {
        Check.notNull(id, "id");
        MemoryTx tx = store.currentTx();
        if (tx != null) {
            Optional<A> own = tx.get(this, id);
            if (own != null) {
                return own;
            }
        }
        return store.read(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public A save(A aggregate) {
        Check.notNull(aggregate, "aggregate");
        A stored = aggregate.withMeta(aggregate.meta().nextVersion());
        I id = aggregate.id();
        long expected = aggregate.meta().version();
        store.write(this, id, stored, () -> findById(id), () -> {
            A current = rows.get(id);
            checkVersion(current, id, expected);
            checkKeys(stored, current);
            rows.put(id, stored);
            if (current != null) {
                unindex(current);
            }
            index(stored);
            return () -> {
                unindex(stored);
                if (current == null) {
                    rows.remove(id);
                } else {
                    rows.put(id, current);
                    index(current);
                }
            };
        }, expected);
        return stored;
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Check.notNull(id, "id");
        if (findById(id).isEmpty()) {
            throw new NotFoundException(typeName, id.toString());
        }
        store.write(this, id, null, () -> findById(id), () -> {
            A current = rows.get(id);
            if (current == null) {
                throw new NotFoundException(typeName, id.toString());
            }
            checkVersion(current, id, expectedVersion);
            rows.remove(id);
            unindex(current);
            return () -> {
                rows.put(id, current);
                index(current);
            };
        }, expectedVersion);
    }

    private void checkVersion(@Nullable A current, I id, long expected) {
        boolean ok = expected == 0 ? current == null : current != null && current.meta().version() == expected;
        if (!ok) {
            throw new ConflictException(typeName, id.toString(), expected);
        }
    }

    /** Early check inside a transaction: the version the caller read against what the transaction sees. */
    void checkVersionSeen(Optional<A> seen, I id, long expected) {
        checkVersion(seen.orElse(null), id, expected);
    }

    /** Refuses natural keys held by another row; called under the write lock before applying. */
    void checkKeys(A next, @Nullable A current) {}

    abstract void index(A row);

    abstract void unindex(A row);

    /** Adds {@code id} to the sorted set under {@code key}. */
    static <K, V> void add(Map<K, TreeSet<V>> index, @Nullable K key, V value) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
        }
    }

    static <K, V> void remove(Map<K, TreeSet<V>> index, @Nullable K key, V value) {
        if (key != null) {
            TreeSet<V> set = index.get(key);
            if (set != null) {
                set.remove(value);
                if (set.isEmpty()) {
                    index.remove(key);
                }
            }
        }
    }
}

package io.crmkit.core.memory;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.Repository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
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

    /**
     * {@link #findById} for a batch of distinct ids, keyed by id in their order: the running
     * transaction's own writes first, the committed rest under one read lock.
     */
    Map<I, A> findAllById(List<I> ids) {
        MemoryTx tx = store.currentTx();
        Map<I, A> found = new java.util.LinkedHashMap<>();
        List<I> committed = new java.util.ArrayList<>(ids.size());
        for (I id : ids) {
            Optional<A> own = tx == null ? null : tx.get(this, id);
            if (own == null) {
                committed.add(id);
                found.put(id, null); // keeps the order; removed below if absent
            } else {
                own.ifPresentOrElse(a -> found.put(id, a), () -> found.remove(id));
            }
        }
        store.read(() -> {
            for (I id : committed) {
                A row = rows.get(id);
                if (row == null) {
                    found.remove(id);
                } else {
                    found.put(id, row);
                }
            }
            return null;
        });
        return found;
    }

    @Override
    public A save(A aggregate) {
        Check.notNull(aggregate, "aggregate");
        A stored = aggregate.withMeta(aggregate.meta().nextVersion());
        I id = aggregate.id();
        long expected = aggregate.meta().version();
        MemoryTx tx = store.currentTx();
        if (tx != null) {
            // Refuse a taken natural key at the save, so the caller can catch it and carry on.
            Optional<A> seen = findById(id);
            checkVersion(seen.orElse(null), id, expected);
            checkKeysSeen(tx, stored);
            seen.ifPresent(before -> naturalKeys(before).forEach(k -> tx.releaseKey(this, k)));
            naturalKeys(stored).forEach(k -> tx.claimKey(this, k, id));
        }
        store.write(this, id, stored, () -> {
            A current = rows.get(id);
            checkVersion(current, id, expected);
            checkKeys(stored);
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
        });
        return stored;
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Check.notNull(id, "id");
        MemoryTx tx = store.currentTx();
        if (tx != null) {
            // Deferred to commit: check now against what the transaction sees, so the caller learns at once.
            A seen = findById(id).orElseThrow(() -> new NotFoundException(typeName, id.toString()));
            checkVersion(seen, id, expectedVersion);
            naturalKeys(seen).forEach(k -> tx.releaseKey(this, k));
        }
        store.write(this, id, null, () -> {
            A current = rows.get(id);
            if (current == null) {
                throw new NotFoundException(typeName, id.toString());
            }
            checkVersion(current, id, expectedVersion);
            rows.remove(id);
            unindex(current);
            Runnable undoDependents = removeDependents(current);
            return () -> {
                undoDependents.run();
                rows.put(id, current);
                index(current);
            };
        });
    }

    private void checkVersion(@Nullable A current, I id, long expected) {
        boolean ok = expected == 0 ? current == null : current != null && current.meta().version() == expected;
        if (!ok) {
            throw new ConflictException(typeName, id.toString(), expected);
        }
    }

    /**
     * Removes what belongs to a row being deleted (an account's snapshots), under the write lock in
     * the same step as the delete, and returns how to put it back; nothing by default.
     */
    Runnable removeDependents(A row) {
        return () -> {};
    }

    /** The natural keys of a row, each as one string; none by default. */
    List<String> naturalKeys(A row) {
        return List.of();
    }

    /** The committed row holding {@code key}, or {@code null}; called under a lock. */
    @Nullable I committedHolder(String key) {
        return null;
    }

    /** The name of the natural key in {@link DuplicateKeyException}s. */
    String keyName() {
        return "key";
    }

    /** Refuses natural keys held by another committed row; called under the write lock before applying. */
    private void checkKeys(A next) {
        for (String key : naturalKeys(next)) {
            I holder = committedHolder(key);
            if (holder != null && !holder.equals(next.id())) {
                throw new DuplicateKeyException(typeName, keyName());
            }
        }
    }

    /** Inside a transaction: the keys as the transaction sees them, its own writes over committed rows. */
    private void checkKeysSeen(MemoryTx tx, A next) {
        for (String key : naturalKeys(next)) {
            Optional<Object> own = tx.keyHolder(this, key);
            Object holder = own != null ? own.orElse(null) : store.read(() -> committedHolder(key));
            if (holder != null && !holder.equals(next.id())) {
                throw new DuplicateKeyException(typeName, keyName());
            }
        }
    }

    /** The id holding {@code key} as this thread sees it (its transaction's writes first); for natural-key lookups. */
    @Nullable I holderSeen(String key) {
        MemoryTx tx = store.currentTx();
        if (tx != null) {
            Optional<Object> own = tx.keyHolder(this, key);
            if (own != null) {
                @SuppressWarnings("unchecked")
                I id = (I) own.orElse(null);
                return id;
            }
        }
        return store.read(() -> committedHolder(key));
    }

    /** {@link #seen(IntFunction, int, Predicate, Comparator)} for an unlimited read in id order. */
    List<A> seen(Supplier<List<A>> committed, Predicate<? super A> matches) {
        return seen(committed, matches, Comparator.comparing(Aggregate::id));
    }

    /** {@link #seen(IntFunction, int, Predicate, Comparator)} for an unlimited read. */
    List<A> seen(Supplier<List<A>> committed, Predicate<? super A> matches, Comparator<? super A> order) {
        return seen(n -> committed.get(), Integer.MAX_VALUE, matches, order);
    }

    /**
     * A list read by a secondary key as this thread sees it. Outside a transaction, or in one that
     * has not written this table, the committed rows ({@code committed.apply(limit)}) as they are.
     * Otherwise the committed rows the transaction has not touched, plus its own inserted and updated
     * rows that {@code matches} (the read's key, tested on the row), in {@code order}, at most
     * {@code limit}: what a database that flushes before a query answers. The committed read asks for
     * {@code limit} plus the transaction's writes, so rows it replaced or deleted cannot shorten it.
     */
    List<A> seen(IntFunction<List<A>> committed, int limit, Predicate<? super A> matches, Comparator<? super A> order) {
        MemoryTx tx = store.currentTx();
        java.util.Collection<Optional<A>> own = tx == null ? List.of() : tx.<A>written(this);
        if (own.isEmpty()) {
            return committed.apply(limit);
        }
        List<A> rows = committed.apply((int) Math.min(Integer.MAX_VALUE, (long) limit + own.size()));
        List<A> out = new ArrayList<>(rows.size() + own.size());
        for (A row : rows) {
            if (tx.get(this, row.id()) == null) {
                out.add(row);
            }
        }
        for (Optional<A> row : own) {
            row.filter(matches).ifPresent(out::add);
        }
        out.sort(order);
        return List.copyOf(out.size() <= limit ? out : out.subList(0, limit));
    }

    abstract void index(A row);

    abstract void unindex(A row);

    /** Reads an id-order cursor (the last id of the previous page), naming {@code after} when it is not one. */
    static <T> @Nullable T idCursor(@Nullable String after, java.util.function.Function<String, T> parse) {
        if (after == null) {
            return null;
        }
        try {
            return parse.apply(after);
        } catch (RuntimeException e) {
            throw io.crmkit.core.error.ValidationException.of("after", "Cursor", "is not a cursor of this library");
        }
    }

    /**
     * The distinct ids of a batch in ascending order, for the batch reads that answer in customer
     * order. A list that is already strictly ascending (batch jobs pass their chunk sorted) is used as
     * it is; anything else is copied into a sorted set (which refuses a null id, as before).
     */
    static <K extends Comparable<K>> List<K> ascending(java.util.Collection<K> ids) {
        if (ids instanceof List<K> list && list instanceof java.util.RandomAccess) {
            boolean sorted = true;
            for (int i = 0; i < list.size() && sorted; i++) {
                K id = list.get(i);
                sorted = id != null && (i == 0 || list.get(i - 1).compareTo(id) < 0);
            }
            if (sorted) {
                return list;
            }
        }
        return new java.util.ArrayList<>(new TreeSet<>(ids));
    }

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

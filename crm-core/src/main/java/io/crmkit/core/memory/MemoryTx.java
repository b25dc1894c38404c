package io.crmkit.core.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The writes of one in-memory transaction, held back until commit, plus an overlay so reads by id
 * inside the transaction see its own writes. Confined to one thread.
 */
final class MemoryTx {
    /** A write: validates against the committed state and applies, returning how to undo it. */
    interface Op {
        Runnable apply();
    }

    final List<Op> ops = new ArrayList<>();
    /** Natural keys this transaction has taken (key to the id holding it) or given up (key to null), per table. */
    private final Map<Object, Map<String, Optional<Object>>> keys = new HashMap<>();
    private final Map<Object, Map<Object, Optional<?>>> overlay = new HashMap<>();
    int depth;
    boolean rollbackOnly;

    void put(Object table, Object id, @Nullable Object value) {
        overlay.computeIfAbsent(table, t -> new HashMap<>()).put(id, Optional.ofNullable(value));
    }

    void claimKey(Object table, String key, Object id) {
        keys.computeIfAbsent(table, t -> new HashMap<>()).put(key, Optional.of(id));
    }

    void releaseKey(Object table, String key) {
        keys.computeIfAbsent(table, t -> new HashMap<>()).put(key, Optional.empty());
    }

    /** Who holds {@code key} as far as this transaction's own writes say: {@code null} if they say nothing, empty if released. */
    @Nullable Optional<Object> keyHolder(Object table, String key) {
        Map<String, Optional<Object>> byKey = keys.get(table);
        return byKey == null ? null : byKey.get(key);
    }

    /** The transaction's own view of the row: {@code null} if untouched, empty if deleted. */
    @SuppressWarnings("unchecked")
    <A> @Nullable Optional<A> get(Object table, Object id) {
        Map<Object, Optional<?>> rows = overlay.get(table);
        return rows == null ? null : (Optional<A>) rows.get(id);
    }

    /** The rows this transaction wrote to {@code table} (deleted ones as empty), for queries that must see them; a view. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <A> java.util.Collection<Optional<A>> written(Object table) {
        Map<Object, Optional<?>> rows = overlay.get(table);
        return rows == null ? List.of() : (java.util.Collection) java.util.Collections.unmodifiableCollection(rows.values());
    }
}

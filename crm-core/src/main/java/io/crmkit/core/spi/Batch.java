package io.crmkit.core.spi;

import io.crmkit.core.check.Check;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The rules of the repositories' batch look-ups ({@code findByCustomers}, {@code latestSnapshotsOf}):
 * at most {@link #MAX_IDS} ids per call (a SQL store answers one batch with one {@code IN} query),
 * no null ids; repeated ids count once. Batch jobs call them once per chunk of customers instead of
 * once per customer. Stateless; thread-safe.
 */
public final class Batch {

    /** The most ids one batch look-up takes. */
    public static final int MAX_IDS = 1_000;

    private Batch() {
    }

    /**
     * The distinct ids of a batch, in the given order.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code field} if the batch is null, holds a
     *     null id or more than {@link #MAX_IDS} ids
     */
    public static <T> List<T> ids(Collection<T> ids, String field) {
        Check.notNull(ids, field);
        Check.that(ids.size() <= MAX_IDS, field, "Size", "must hold at most " + MAX_IDS + " ids");
        LinkedHashSet<T> distinct = new LinkedHashSet<>();
        for (T id : ids) {
            distinct.add(Check.notNull(id, field + "[]"));
        }
        return new ArrayList<>(distinct);
    }

    /**
     * The default answer of a {@code findByCustomers} built on the one-customer query: each row once,
     * by id. Correct for every store, one query per id; stores override it with one query per batch.
     */
    static <T, K, I extends Comparable<I>> List<T> perId(Collection<K> ids, String field,
            Function<K, List<T>> one, Function<T, I> idOf) {
        java.util.Map<I, T> byId = new java.util.TreeMap<>();
        for (K id : ids(ids, field)) {
            for (T row : one.apply(id)) {
                byId.putIfAbsent(idOf.apply(row), row);
            }
        }
        List<T> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(idOf));
        return out;
    }
}

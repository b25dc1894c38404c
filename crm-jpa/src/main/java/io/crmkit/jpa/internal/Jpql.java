package io.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.hibernate.jpa.HibernateHints;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;

/**
 * A small builder for the repositories' JPQL: AND-ed conditions with named parameters, always
 * selecting {@code doc} and {@code version} so that reads never load managed entities (no dirty
 * checking, no persistence-context growth while streaming, one statement per query).
 *
 * <p>Not thread-safe: build, run, discard.
 */
final class Jpql {
    private final String entity;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Jpql(String entity) {
        this.entity = entity;
    }

    static Jpql from(String entity) {
        return new Jpql(entity);
    }

    /** Adds a condition; {@code value == null} leaves the condition out. */
    Jpql and(String condition, String param, Object value) {
        if (value != null) {
            where.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a condition with several parameters (keys and values alternate). */
    Jpql andAll(String condition, Object... namesAndValues) {
        where.add(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /**
     * Restricts to a data scope: {@code owner IN (...) OR branch IN (...)}, pushed into the query so a
     * scoped page reads about a page of rows; an empty scope matches nothing.
     */
    Jpql scope(io.crmkit.core.spi.@org.jspecify.annotations.Nullable DataScope scope) {
        if (scope == null || scope.all()) {
            return this;
        }
        List<String> owners = scope.owners().stream().map(o -> o.value()).sorted().toList();
        List<String> units = scope.units().stream().map(u -> u.value()).sorted().toList();
        if (owners.isEmpty() && units.isEmpty()) {
            where.add("1 = 0");
        } else if (units.isEmpty()) {
            andAll("e.ownerId in (:scopeOwners)", "scopeOwners", owners);
        } else if (owners.isEmpty()) {
            andAll("e.branchId in (:scopeUnits)", "scopeUnits", units);
        } else {
            andAll("(e.ownerId in (:scopeOwners) or e.branchId in (:scopeUnits))", "scopeOwners", owners, "scopeUnits", units);
        }
        return this;
    }

    private String whereClause() {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    List<Object[]> list(EntityManager em, String orderBy, int limit) {
        TypedQuery<Object[]> q = em.createQuery("select e.doc, e.version from " + entity + " e" + whereClause()
                + " order by " + orderBy, Object[].class);
        params.forEach(q::setParameter);
        if (limit > 0) {
            q.setMaxResults(limit);
        }
        return q.getResultList();
    }

    long count(EntityManager em) {
        TypedQuery<Long> q = em.createQuery("select count(e) from " + entity + " e" + whereClause(), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    Stream<Object[]> stream(EntityManager em, String orderBy, int fetchSize) {
        return stream(em, "e.doc, e.version", orderBy, fetchSize);
    }

    /** {@link #stream(EntityManager, String, int)} selecting {@code columns} instead of the document and version. */
    Stream<Object[]> stream(EntityManager em, String columns, String orderBy, int fetchSize) {
        TypedQuery<Object[]> q = em.createQuery("select " + columns + " from " + entity + " e" + whereClause()
                + " order by " + orderBy, Object[].class);
        params.forEach(q::setParameter);
        q.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
        q.setHint(HibernateHints.HINT_READ_ONLY, true);
        return q.getResultStream();
    }

    /**
     * One keyset page ordered by id ascending: the cursor is the last id, parsed with
     * {@code idParser} so a malformed cursor is a validation error on {@code after}.
     */
    <T> Page<T> pageById(EntityManager em, PageRequest page, Function<String, ?> idParser,
            Function<List<Object[]>, List<T>> mapper, Function<T, String> idOf) {
        if (page.after() != null) {
            try {
                idParser.apply(page.after());
            } catch (RuntimeException e) {
                throw ValidationException.of("after", "Cursor", "is not a cursor of this library");
            }
            andAll("e.id > :afterId", "afterId", page.after());
        }
        List<T> fetched = mapper.apply(list(em, "e.id", page.size() + 1));
        return Page.of(fetched, page.size(), idOf);
    }
}

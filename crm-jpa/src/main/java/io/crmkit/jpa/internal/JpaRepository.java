package io.crmkit.jpa.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.Repository;

/**
 * The common part of every aggregate repository: load, insert, versioned update and delete of one
 * entity type, with the aggregate kept as a JSON document and the queried columns copied out.
 *
 * <p>Writes either flush at once (the default: a taken id or natural key is reported by the
 * {@code save} that caused it, found by a read before anything is written so the transaction stays
 * usable) or, with write batching on and inside a transaction, are queued in the persistence
 * context and sent in JDBC batches at commit, where constraint violations are translated by
 * constraint name.
 *
 * <p>Thread-safe: holds no per-call state.
 */
abstract class JpaRepository<A extends Aggregate<I, A>, I, E extends AggregateEntity> implements Repository<A, I> {
    final Transactions tx;
    final StoreSettings settings;
    private final Class<E> entityClass;
    private final Class<A> domainClass;
    private final String typeName;

    JpaRepository(Transactions tx, StoreSettings settings, Class<E> entityClass, Class<A> domainClass,
            String typeName) {
        this.tx = tx;
        this.settings = settings;
        this.entityClass = entityClass;
        this.domainClass = domainClass;
        this.typeName = typeName;
    }

    /** The primary-key text of an id. */
    abstract String key(I id);

    abstract E newEntity();

    /** Copies the queried columns from the aggregate into the entity. */
    abstract void copyColumns(A aggregate, E entity);

    /**
     * Refuses natural keys of {@code aggregate} that belong to another row, before anything is
     * written. Only called when writes flush at once.
     */
    void checkKeys(EntityManager em, A aggregate) {
    }

    /**
     * Whether an update locks the row ({@code SELECT ... FOR UPDATE}) before reading it: for rows
     * whose dependent rows the key-rotation job rewrites, so the two never interleave.
     */
    boolean lockOnUpdate() {
        return false;
    }

    /** Removes rows that depend on the entity before it is deleted. */
    void beforeDelete(EntityManager em, E entity) {
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Optional<A> findById(I id) {
        Check.notNull(id, "id");
        return tx.run(em -> Optional.ofNullable(em.find(entityClass, key(id))).map(this::toDomain));
    }

    @Override
    public A save(A aggregate) {
        Check.notNull(aggregate, "aggregate");
        long expected = aggregate.meta().version();
        A stored = aggregate.withMeta(aggregate.meta().nextVersion());
        String id = key(aggregate.id());
        return tx.run(em -> {
            boolean immediate = !settings.batchWrites();
            try {
                if (expected == 0) {
                    if (immediate) {
                        if (em.find(entityClass, id) != null) {
                            throw new ConflictException(typeName, id, expected);
                        }
                        checkKeys(em, stored);
                    }
                    E entity = newEntity();
                    entity.id = id;
                    write(stored, entity);
                    entity.version = stored.meta().version();
                    em.persist(entity);
                } else {
                    E entity = lockOnUpdate() ? em.find(entityClass, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                            : em.find(entityClass, id);
                    if (entity == null || entity.version != expected) {
                        throw new ConflictException(typeName, id, expected);
                    }
                    if (immediate) {
                        checkKeys(em, stored);
                    }
                    write(stored, entity);
                }
                if (immediate) {
                    em.flush();
                }
                return stored;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                tx.markRollbackOnly();
                throw ExceptionTranslator.translate(e, typeName, id, expected);
            }
        });
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Check.notNull(id, "id");
        String key = key(id);
        tx.run(em -> {
            try {
                E entity = em.find(entityClass, key);
                if (entity == null) {
                    throw new NotFoundException(typeName, key);
                }
                if (entity.version != expectedVersion) {
                    throw new ConflictException(typeName, key, expectedVersion);
                }
                beforeDelete(em, entity);
                em.remove(entity);
                em.flush();
                return null;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                tx.markRollbackOnly();
                throw ExceptionTranslator.translate(e, typeName, key, expectedVersion);
            }
        });
    }

    A toDomain(E entity) {
        return fromDoc(entity.doc, entity.version);
    }

    /** Reads a document; the version column wins over the version inside the document. */
    A fromDoc(String doc, long version) {
        A aggregate = settings.documents().read(doc, domainClass);
        Meta meta = aggregate.meta();
        return meta.version() == version ? aggregate : aggregate.withMeta(meta.withVersion(version));
    }

    /** Maps {@code select e.doc, e.version} rows. */
    List<A> fromRows(List<Object[]> rows) {
        return rows.stream().map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private void write(A stored, E entity) {
        Meta meta = stored.meta();
        entity.createdAt = meta.createdAt();
        entity.createdBy = meta.createdBy();
        entity.updatedAt = meta.updatedAt();
        entity.updatedBy = meta.updatedBy();
        entity.doc = settings.documents().write(stored);
        copyColumns(stored, entity);
    }

    /** Rounds an instant down to the microseconds every supported database stores exactly. */
    static java.time.Instant micros(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** A batch read's answer in the order the ids were asked, absent ids left out; {@code found} is keyed by id value. */
    static <V> java.util.Map<io.crmkit.core.customer.CustomerId, V> inAskedOrder(
            java.util.List<io.crmkit.core.customer.CustomerId> asked, java.util.Map<String, V> found) {
        java.util.Map<io.crmkit.core.customer.CustomerId, V> out = new java.util.LinkedHashMap<>();
        for (io.crmkit.core.customer.CustomerId id : asked) {
            V v = found.get(id.value());
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownConflict;
import static io.crmkit.tck.assertions.CrmAssertions.thrownNotFound;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.spi.Repository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The part of the contract every {@link Repository} shares: insert with version 0, update only from
 * the stored version, conflicts on stale versions, taken ids and missing aggregates, and delete with
 * an expected version. Each failed write must leave the stored state exactly as it was.
 *
 * @param <A> the aggregate
 * @param <I> its id
 */
public abstract class RepositoryContract<A extends Aggregate<I, A>, I> extends StoreContract {

    /** The repository under test. */
    protected abstract Repository<A, I> repository();

    /** A fresh id nobody has used. */
    protected abstract I newId();

    /**
     * A valid new aggregate (version 0) with this id and fresh natural keys; may first save what it
     * refers to (a customer, a pipeline, a unit).
     */
    protected abstract A newAggregate(I id);

    /** A copy of the stored aggregate with at least one field changed and the same meta. */
    protected abstract A changed(A stored);

    private A inserted() {
        return repository().save(newAggregate(newId()));
    }

    @Test
    @DisplayName("save of a new aggregate (version 0) stores it as version 1 and returns exactly the stored copy")
    void insertStoresVersionOne() {
        A fresh = newAggregate(newId());

        A stored = repository().save(fresh);

        assertThat(stored).isStoredCopyOf(fresh).hasVersion(1);
        assertThat(repository().findById(fresh.id())).hasValueSatisfying(found -> assertThat(found).readsBackAs(stored));
        assertThat(repository().get(fresh.id())).readsBackAs(stored);
    }

    @Test
    @DisplayName("findById of an unknown id is empty and get throws NotFoundException naming the type")
    void unknownIdIsNotFound() {
        I missing = newId();

        assertThat(repository().findById(missing)).isEmpty();
        assertThat(thrownNotFound(() -> repository().get(missing)).getMessage())
                .contains(repository().typeName(), String.valueOf(missing));
    }

    @Test
    @DisplayName("save with the version last read updates the aggregate and returns version + 1")
    void updateFromCurrentVersion() {
        A v1 = inserted();
        A change = changed(v1);

        A v2 = repository().save(change);

        assertThat(v2).isStoredCopyOf(change).hasVersion(2);
        assertThat(repository().get(v1.id())).readsBackAs(v2);
        A v3 = repository().save(changed(v2));
        assertThat(v3).hasVersion(3);
    }

    @Test
    @DisplayName("save with a stale version throws ConflictException and leaves the stored aggregate unchanged")
    void staleVersionConflicts() {
        A v1 = inserted();
        A v2 = repository().save(changed(v1));

        ConflictException e = thrownConflict(() -> repository().save(changed(v1)));

        assertThat(e.aggregateType()).isEqualTo(repository().typeName());
        assertThat(e.aggregateId()).isEqualTo(String.valueOf(v1.id()));
        assertThat(e.expectedVersion()).isEqualTo(1);
        assertThat(repository().get(v1.id())).readsBackAs(v2);
    }

    @Test
    @DisplayName("save with a version ahead of the stored one throws ConflictException and changes nothing")
    void futureVersionConflicts() {
        A v1 = inserted();

        thrownConflict(() -> repository().save(changed(v1).withMeta(v1.meta().withVersion(7))));

        assertThat(repository().get(v1.id())).readsBackAs(v1);
    }

    @Test
    @DisplayName("inserting a new aggregate under a taken id throws ConflictException and keeps the original")
    void insertWithTakenIdConflicts() {
        A original = inserted();

        thrownConflict(() -> repository().save(newAggregate(original.id())));

        assertThat(repository().get(original.id())).readsBackAs(original);
    }

    @Test
    @DisplayName("updating an aggregate that was never stored throws ConflictException and stores nothing")
    void updateOfMissingAggregateConflicts() {
        A neverStored = newAggregate(newId());

        thrownConflict(() -> repository().save(neverStored.withMeta(neverStored.meta().withVersion(3))));

        assertThat(repository().findById(neverStored.id())).isEmpty();
    }

    @Test
    @DisplayName("delete with the current version removes the aggregate")
    void deleteWithCurrentVersion() {
        A v1 = inserted();
        A v2 = repository().save(changed(v1));

        repository().delete(v1.id(), v2.meta().version());

        assertThat(repository().findById(v1.id())).isEmpty();
    }

    @Test
    @DisplayName("delete with a stale version throws ConflictException and keeps the aggregate")
    void deleteWithStaleVersionConflicts() {
        A v1 = inserted();
        A v2 = repository().save(changed(v1));

        thrownConflict(() -> repository().delete(v1.id(), 1));

        assertThat(repository().get(v1.id())).readsBackAs(v2);
    }

    @Test
    @DisplayName("delete of an unknown id throws NotFoundException")
    void deleteOfUnknownIdIsNotFound() {
        I missing = newId();

        thrownNotFound(() -> repository().delete(missing, 1));

        assertThat(repository().findById(missing)).isEmpty();
    }

    @Test
    @DisplayName("a deleted aggregate cannot be updated: saving its last version throws ConflictException")
    void updateAfterDeleteConflicts() {
        A v1 = inserted();
        repository().delete(v1.id(), 1);

        thrownConflict(() -> repository().save(changed(v1)));

        assertThat(repository().findById(v1.id())).isEmpty();
    }
}

package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.ErasureRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The erasure repository: CRUD (inherited) with every field read back as saved; a customer's
 * records by id; the scheduled job's due list (SCHEDULED only, due at or before the instant, by due
 * time then id, up to a limit; a completed record leaves it at once); and writes rolled back with
 * their transaction.
 */
public abstract class ErasureContract extends RepositoryContract<Erasure, ErasureId> {
    /** Due times far from every other test's, so a shared store's other records stay out of the way. */
    private static final Instant BASE = Instant.parse("1990-01-01T00:00:00Z").plus(Duration.ofDays(Math.floorMod(
            UniqueIds.run().hashCode(), 3_000)));

    @Override
    protected Repository<Erasure, ErasureId> repository() {
        return erasures();
    }

    private ErasureRepository erasures() {
        return store().erasures();
    }

    @Override
    protected ErasureId newId() {
        return ErasureId.of(UniqueIds.next("er"));
    }

    @Override
    protected Erasure newAggregate(ErasureId id) {
        return scheduled(id, Fixtures.customerId(), Fixtures.NOW.plus(Duration.ofDays(400)));
    }

    private static Erasure scheduled(ErasureId id, CustomerId customer, Instant due) {
        return new Erasure(id, customer, ErasureStatus.SCHEDULED, PendingRequestId.of(UniqueIds.next("pr")), "rm-tck",
                List.of("bm-tck", "co-tck"), Fixtures.NOW, due, List.of("csrc-brokerage-1y until 2027-01-31"), null, Map.of(),
                0, 0, null, Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }

    @Override
    protected Erasure changed(Erasure stored) {
        return stored.completed(Fixtures.NOW.plusSeconds(90), Map.of("Customer", 1, "Interaction", 12), 57, 33,
                "ab".repeat(32));
    }

    @Test
    @DisplayName("findByCustomer lists the customer's records of any status by id, and no one else's")
    void byCustomer() {
        CustomerId customer = Fixtures.customerId();
        Erasure a = erasures().save(scheduled(newId(), customer, BASE));
        Erasure b = erasures().save(changed(erasures().save(scheduled(newId(), customer, BASE))));
        erasures().save(scheduled(newId(), Fixtures.customerId(), BASE));
        List<Erasure> expected = a.id().compareTo(b.id()) < 0 ? List.of(a, b) : List.of(b, a);
        assertThat(erasures().findByCustomer(customer)).containsExactlyElementsOf(expected);
        assertThat(erasures().findByCustomer(Fixtures.customerId())).isEmpty();
    }

    @Test
    @DisplayName("findDue lists SCHEDULED records due at or before the instant, by due time then id, up to the limit")
    void due() {
        Instant t = BASE.plus(Duration.ofMinutes(1));
        Erasure late = erasures().save(scheduled(ErasureId.of(UniqueIds.next("z")), Fixtures.customerId(), t.plusSeconds(60)));
        Erasure tieA = erasures().save(scheduled(ErasureId.of(UniqueIds.next("b")), Fixtures.customerId(), t));
        Erasure tieB = erasures().save(scheduled(ErasureId.of(UniqueIds.next("a")), Fixtures.customerId(), t));
        Erasure done = erasures().save(changed(erasures().save(scheduled(newId(), Fixtures.customerId(), t))));
        List<Erasure> ties = tieA.id().compareTo(tieB.id()) < 0 ? List.of(tieA, tieB) : List.of(tieB, tieA);
        List<Erasure> dueAtT = erasures().findDue(t, 10_000).stream().filter(e -> !e.dueAt().isBefore(t)).toList();
        assertThat(dueAtT).containsExactlyElementsOf(ties).doesNotContain(done, late);
        List<Erasure> dueLater = erasures().findDue(t.plusSeconds(60), 10_000).stream().filter(e -> !e.dueAt().isBefore(t)).toList();
        assertThat(dueLater).containsExactly(ties.get(0), ties.get(1), late);
        assertThat(erasures().findDue(t, 1)).hasSize(1);
        Erasure completed = erasures().save(changed(late));
        assertThat(erasures().findDue(t.plusSeconds(60), 10_000)).doesNotContain(completed, late);
        assertThatThrownBy(() -> erasures().findDue(t, 0)).isInstanceOf(ValidationException.class).hasMessageContaining("limit");
    }

    @Test
    @DisplayName("a record saved in a transaction that rolls back is not stored")
    void rollback() {
        ErasureId id = newId();
        assertThatThrownBy(() -> store().runInTransaction(() -> {
            erasures().save(newAggregate(id));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(erasures().findById(id)).isEmpty();
    }
}

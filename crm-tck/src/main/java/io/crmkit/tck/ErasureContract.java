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
    /**
     * Due times centuries ahead, so the scheduled-erasure job of a test sharing the store never meets
     * these records (their customers do not exist); the queries below keep to their own records.
     */
    private static final Instant BASE = Instant.parse("2900-01-01T00:00:00Z");

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
        return scheduled(id, Fixtures.customerId(), BASE.plus(Duration.ofDays(400)));
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
        java.util.Set<ErasureId> mine = java.util.Set.of(late.id(), tieA.id(), tieB.id(), done.id());
        List<Erasure> ties = tieA.id().compareTo(tieB.id()) < 0 ? List.of(tieA, tieB) : List.of(tieB, tieA);
        assertThat(mineOf(erasures().findDue(t, 10_000), mine)).containsExactlyElementsOf(ties);
        assertThat(mineOf(erasures().findDue(t.plusSeconds(60), 10_000), mine)).containsExactly(ties.get(0), ties.get(1), late);
        List<Erasure> all = erasures().findDue(t.plusSeconds(60), 10_000);
        for (int i = 1; i < all.size(); i++) {
            Erasure a = all.get(i - 1);
            Erasure b = all.get(i);
            assertThat(a.dueAt().isBefore(b.dueAt()) || (a.dueAt().equals(b.dueAt()) && a.id().compareTo(b.id()) < 0))
                    .as("by due time, then id").isTrue();
            assertThat(b.status()).isEqualTo(ErasureStatus.SCHEDULED);
        }
        assertThat(erasures().findDue(t, 1)).hasSize(1);
        Erasure completed = erasures().save(changed(late));
        assertThat(mineOf(erasures().findDue(t.plusSeconds(60), 10_000), mine)).containsExactlyElementsOf(ties)
                .doesNotContain(completed);
        assertThatThrownBy(() -> erasures().findDue(t, 0)).isInstanceOf(ValidationException.class).hasMessageContaining("limit");
    }

    private static List<Erasure> mineOf(List<Erasure> found, java.util.Set<ErasureId> mine) {
        return found.stream().filter(e -> mine.contains(e.id())).toList();
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

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.MergeStatus;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.spi.MergeRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Merge records and the tier-history move merges need: CRUD (inherited) with the whole record — both
 * customers, the move log, removed relationships, moved history — read back as saved; a customer's
 * merges found by either side, undone ones too, in id order, and nothing of a rolled-back one; and
 * {@code TierRepository.moveHistory} moving exactly the entries asked for, keeping their order,
 * undone by a rollback.
 */
public abstract class MergeContract extends RepositoryContract<MergeRecord, MergeId> {

    @Override
    protected Repository<MergeRecord, MergeId> repository() {
        return merges();
    }

    private MergeRepository merges() {
        return store().merges();
    }

    @Override
    protected MergeId newId() {
        return MergeId.of(UniqueIds.next("merge"));
    }

    @Override
    protected MergeRecord newAggregate(MergeId id) {
        Customer s = store().customers().save(Fixtures.customer().build());
        Customer d = store().customers().save(Fixtures.customer().build());
        return record(id, s, d);
    }

    private static MergeRecord record(MergeId id, Customer s, Customer d) {
        return new MergeRecord(id, s.id(), d.id(), MergeStatus.MERGED, Survivorship.defaults().withSourcePriority(List.of("core")),
                s, d, s.meta().version() + 1,
                List.of(new ChildMove(ChildMove.Kind.CONTACT, "c-1", "customerId", 2),
                        new ChildMove(ChildMove.Kind.RELATIONSHIP, "r-1", "removed", 0)),
                List.of(Fixtures.relationship(d.id(), s.id())),
                List.of(Fixtures.tierAssignment(d.id(), TierCode.of("GOLD"), null, Fixtures.NOW)),
                Fixtures.NOW, "rm-tck", Fixtures.NOW.plusSeconds(86_400), null, Meta.created(Fixtures.NOW, "rm-tck"));
    }

    @Override
    protected MergeRecord changed(MergeRecord stored) {
        return stored.undone(Fixtures.NOW.plusSeconds(60));
    }

    @Test
    @DisplayName("findByCustomer finds a merge by its survivor and by its duplicate, undone ones too, in id order")
    void findByEitherCustomer() {
        Customer s = store().customers().save(Fixtures.customer().build());
        Customer d = store().customers().save(Fixtures.customer().build());
        Customer other = store().customers().save(Fixtures.customer().build());
        MergeRecord first = merges().save(record(MergeId.of("m-" + UniqueIds.next("a")), s, d));
        MergeRecord undone = merges().save(merges().get(first.id()).undone(Fixtures.NOW.plusSeconds(5)));
        MergeRecord second = merges().save(record(MergeId.of("m-" + UniqueIds.next("b")), other, s));

        assertThat(merges().findByCustomer(s.id())).extracting(MergeRecord::id)
                .containsExactly(undone.id(), second.id());
        assertThat(merges().findByCustomer(d.id())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MergeStatus.UNDONE);
            assertThat(m.duplicateBefore()).isEqualTo(d);
            assertThat(m.movedHistory()).hasSize(1);
        });
        assertThat(merges().findByCustomer(CustomerId.of(UniqueIds.next("none")))).isEmpty();
    }

    @Test
    @DisplayName("a merge saved in a transaction that rolls back is found neither by id nor by customer")
    void ownMergeInsideTransaction() {
        Customer s = store().customers().save(Fixtures.customer().build());
        Customer d = store().customers().save(Fixtures.customer().build());
        MergeId rolledBack = newId();
        assertThatThrownBy(() -> store().runInTransaction(() -> {
            MergeRecord m = merges().save(record(rolledBack, s, d));
            assertThat(merges().findById(m.id())).as("read back by id inside").isPresent();
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(merges().findByCustomer(d.id())).isEmpty();
        assertThat(merges().findById(rolledBack)).isEmpty();
    }

    @Test
    @DisplayName("moveHistory moves exactly the entries asked for, in their order, and a rollback moves them back")
    void moveHistory() {
        CustomerId from = store().customers().save(Fixtures.customer().build()).id();
        CustomerId to = store().customers().save(Fixtures.customer().build()).id();
        TierAssignment a = Fixtures.tierAssignment(from, TierCode.of("SILVER"), null, Fixtures.NOW);
        TierAssignment b = Fixtures.tierAssignment(from, TierCode.of("GOLD"), TierCode.of("SILVER"), Fixtures.NOW.plusSeconds(10));
        TierAssignment c = Fixtures.tierAssignment(from, TierCode.of("GOLD"), TierCode.of("GOLD"), Fixtures.NOW.plusSeconds(20));
        TierAssignment own = Fixtures.tierAssignment(to, TierCode.of("SILVER"), null, Fixtures.NOW.plusSeconds(15));
        store().runInTransaction(() -> {
            store().tiers().append(a);
            store().tiers().append(b);
            store().tiers().append(c);
            store().tiers().append(own);
        });

        assertThatThrownBy(() -> store().runInTransaction(() -> {
            store().tiers().moveHistory(from, to, List.of(a, c));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store().tiers().history(from)).containsExactly(c, b, a);

        store().runInTransaction(() -> store().tiers().moveHistory(from, to, List.of(a, c)));

        assertThat(store().tiers().history(from)).containsExactly(b);
        assertThat(store().tiers().history(to)).containsExactly(moved(c, to), own, moved(a, to));
    }

    private static TierAssignment moved(TierAssignment t, CustomerId to) {
        return new TierAssignment(to, t.tier(), t.previous(), t.effectiveFrom(), t.source(), t.reason(), t.assignedBy(),
                t.expiresAt());
    }
}

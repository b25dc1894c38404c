package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CaseRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.CaseBuilder;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The case repository: CRUD (inherited) with every field read back as saved, SLA timers and
 * survey included; the customer's cases by id; the three index orderings the SLA monitor and
 * the reports rely on — due by {@code nextDueAt}, next breaches by {@code breachAt}, answers in a
 * period by {@code respondedAt}, ties by id, each following updates at once; SLA policies; and
 * cases inside transactions (committed with other aggregates, rolled back with them, read back
 * by id before commit, invisible to other threads until then).
 *
 * <p>The stores may be shared: every test works in an era of its own, earlier than every era
 * used before it in the run, so global orderings ("which breach next") see its cases first.
 */
public abstract class CaseContract extends RepositoryContract<ServiceCase, CaseId> {
    private static final Instant ORIGIN = Instant.parse("2000-01-01T00:00:00.123456Z");
    private static final AtomicLong ERA = new AtomicLong();

    /** The failure the tests throw to roll back. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back by the compatibility kit", null, false, false);
        }
    }

    @Override
    protected Repository<ServiceCase, CaseId> repository() {
        return cases();
    }

    private CaseRepository cases() {
        return store().cases();
    }

    @Override
    protected CaseId newId() {
        return CaseBuilder.caseId();
    }

    @Override
    protected ServiceCase newAggregate(CaseId id) {
        return CaseBuilder.serviceCase(customer()).id(id).due(Fixtures.NOW.plusSeconds(60), Fixtures.NOW.plusSeconds(120))
                .build();
    }

    @Override
    protected ServiceCase changed(ServiceCase stored) {
        return stored.withLinks(stored.links().contact(Fixtures.contactId()));
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    /** The start of a 400-day era earlier than every era handed out before. */
    private static Instant era() {
        return ORIGIN.minus(Duration.ofDays(400 * ERA.incrementAndGet()));
    }

    private ServiceCase saved(Instant next, Instant breach) {
        return cases().save(CaseBuilder.serviceCase(customer()).due(next, breach).build());
    }

    private <T> T fromAnotherThread(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("findDue lists cases due by the instant, earliest first, ties by id, up to the limit, never one not due")
    void dueByInstant() {
        Instant t = era();
        ServiceCase late = saved(t.plusSeconds(300), null);
        ServiceCase early = saved(t.plusSeconds(10), t.plusSeconds(20));
        CaseId lowId = CaseId.of(UniqueIds.next("casea"));
        CaseId highId = CaseId.of(UniqueIds.next("caseb"));
        ServiceCase tieHigh = cases().save(CaseBuilder.serviceCase(customer()).id(highId).due(t.plusSeconds(60), null).build());
        ServiceCase tieLow = cases().save(CaseBuilder.serviceCase(customer()).id(lowId).due(t.plusSeconds(60), null).build());
        saved(t.plusSeconds(301), null);
        cases().save(CaseBuilder.serviceCase(customer()).due(null, t.plusSeconds(5)).build());

        assertThat(cases().findDue(t.plusSeconds(300), 50)).containsExactly(early, tieLow, tieHigh, late);
        assertThat(cases().findDue(t.plusSeconds(300), 2)).containsExactly(early, tieLow);
        assertThat(cases().findDue(t.plusSeconds(9), 50)).isEmpty();
        assertThat(thrownValidation(() -> cases().findDue(t, 0)).hasViolationOn("limit")).isTrue();
        assertThat(thrownValidation(() -> cases().findDue(t, 10_001)).hasViolationOn("limit")).isTrue();
    }

    @Test
    @DisplayName("a case whose next threshold moves later, or goes, leaves the due list at once; the breach list follows too")
    void indexesFollowUpdates() {
        Instant t = era();
        ServiceCase moved = saved(t.plusSeconds(10), t.plusSeconds(10));
        ServiceCase cleared = saved(t.plusSeconds(20), t.plusSeconds(20));
        ServiceCase stays = saved(t.plusSeconds(30), t.plusSeconds(30));

        ServiceCase movedV2 = cases().save(withDue(moved, t.plusSeconds(1_000), t.plusSeconds(1_000)));
        ServiceCase clearedV2 = cases().save(withDue(cleared, null, null));

        assertThat(cases().findDue(t.plusSeconds(100), 10)).containsExactly(stays);
        assertThat(cases().findDue(t.plusSeconds(1_000), 10)).containsExactly(stays, movedV2);
        assertThat(cases().findNextBreaches(2)).containsExactly(stays, movedV2);
        assertThat(cases().findById(clearedV2.id())).hasValueSatisfying(c -> assertThat(c.nextDueAt()).isNull());
    }

    private static ServiceCase withDue(ServiceCase c, Instant next, Instant breach) {
        var t = c.timers().get(0);
        var timer = new io.crmkit.core.casework.SlaTimer(t.name(), t.metric(), t.elapsed(), t.runningSince(), t.stoppedAt(),
                t.announcedPercent(), next, breach);
        return c.withTimers(c.sla(), List.of(timer));
    }

    @Test
    @DisplayName("findNextBreaches lists the earliest breaches first, ties by id, and no case without one")
    void nextBreaches() {
        Instant t = era();
        ServiceCase second = saved(t.plusSeconds(100), t.plusSeconds(200));
        ServiceCase first = saved(null, t.plusSeconds(50));
        cases().save(CaseBuilder.serviceCase(customer()).due(t.plusSeconds(1), null).build());

        assertThat(cases().findNextBreaches(2)).containsExactly(first, second);
        assertThat(thrownValidation(() -> cases().findNextBreaches(0)).hasViolationOn("limit")).isTrue();
    }

    @Test
    @DisplayName("findRespondedBetween lists answers in [from, to) by answer time, ties by id")
    void answersInPeriod() {
        Instant t = era();
        ServiceCase atStart = cases().save(CaseBuilder.serviceCase(customer()).answered(t).build());
        ServiceCase inside = cases().save(CaseBuilder.serviceCase(customer()).answered(t.plusSeconds(3_600)).build());
        cases().save(CaseBuilder.serviceCase(customer()).answered(t.plusSeconds(7_200)).build());
        cases().save(CaseBuilder.serviceCase(customer()).answered(t.minusNanos(1_000)).build());

        assertThat(cases().findRespondedBetween(t, t.plusSeconds(7_200), 100)).containsExactly(atStart, inside);
        assertThat(cases().findRespondedBetween(t, t.plusSeconds(7_200), 1)).containsExactly(atStart);
        assertThat(thrownValidation(() -> cases().findRespondedBetween(t, t, 100_001)).hasViolationOn("limit")).isTrue();
    }

    @Test
    @DisplayName("findByCustomer lists the customer's cases of any status by id, and nothing of others")
    void casesOfCustomer() {
        CustomerId customer = customer();
        CaseId low = CaseId.of(UniqueIds.next("casea"));
        CaseId high = CaseId.of(UniqueIds.next("caseb"));
        ServiceCase b = cases().save(CaseBuilder.serviceCase(customer).id(high).answered(Fixtures.NOW).build());
        ServiceCase a = cases().save(CaseBuilder.serviceCase(customer).id(low).build());
        cases().save(CaseBuilder.serviceCase(customer()).build());

        assertThat(cases().findByCustomer(customer)).containsExactly(a, b);
    }

    @Test
    @DisplayName("SLA policies read back whole, calendars included, and list by id")
    void policies() {
        SlaPolicyDefinition def = SlaPolicyDefinition.builder(UniqueIds.next("pol"), "Policy").kinds()
                .target(CaseBuilder.POLICY.targets().get(0)).build();
        SlaPolicy saved = store().slaPolicies().save(new SlaPolicy(def, Meta.created(Fixtures.NOW, Fixtures.ACTOR)));

        assertThat(store().slaPolicies().findById(def.id())).contains(saved);
        assertThat(store().slaPolicies().findAll()).contains(saved);
        assertThat(saved.meta().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a case saved in a committed transaction with a task is visible to other threads, in every query")
    void commitsWithOtherAggregates() throws Exception {
        Instant t = era();
        CustomerId customer = customer();
        ServiceCase c = CaseBuilder.serviceCase(customer).due(t, t).build();

        store().runInTransaction(() -> {
            cases().save(c);
            store().tasks().save(Fixtures.task(Fixtures.staffId()).customer(customer).build());
        });

        assertThat(fromAnotherThread(() -> cases().findById(c.id()))).isPresent();
        assertThat(fromAnotherThread(() -> cases().findDue(t, 10))).extracting(ServiceCase::id).containsExactly(c.id());
        assertThat(fromAnotherThread(() -> cases().findByCustomer(customer))).extracting(ServiceCase::id).containsExactly(c.id());
        assertThat(fromAnotherThread(() -> store().tasks().findByCustomer(customer))).hasSize(1);
    }

    @Test
    @DisplayName("a rolled-back transaction leaves no case behind, in any query, and no version bump on an updated one")
    void rollbackLeavesNothing() {
        Instant t = era();
        CustomerId customer = customer();
        ServiceCase existing = cases().save(CaseBuilder.serviceCase(customer).due(t.plusSeconds(5), null).build());
        ServiceCase fresh = CaseBuilder.serviceCase(customer).due(t, t).build();
        Rollback failure = new Rollback();

        Throwable thrown = thrown(Rollback.class, () -> store().runInTransaction(() -> {
            cases().save(fresh);
            cases().save(withDue(existing, null, null));
            store().tasks().save(Fixtures.task(Fixtures.staffId()).customer(customer).build());
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(cases().findById(fresh.id())).isEmpty();
        assertThat(cases().get(existing.id())).readsBackAs(existing);
        assertThat(cases().findByCustomer(customer)).containsExactly(existing);
        assertThat(cases().findDue(t.plusSeconds(10), 10)).containsExactly(existing);
        assertThat(store().tasks().findByCustomer(customer)).isEmpty();
    }

    @Test
    @DisplayName("inside a transaction a case reads back by id before commit; other threads see it only after")
    void readsOwnWriteInsideTransaction() throws Exception {
        ServiceCase c = CaseBuilder.serviceCase(customer()).build();

        Optional<ServiceCase> seenByOthers = store().inTransaction(() -> {
            ServiceCase stored = cases().save(c);
            assertThat(cases().findById(c.id())).hasValueSatisfying(x -> assertThat(x).readsBackAs(stored));
            try {
                return fromAnotherThread(() -> cases().findById(c.id()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenByOthers).as("seen by another thread before commit").isEmpty();
        assertThat(cases().findById(c.id())).isPresent();
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.alert.AlertStatus;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.AlertRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.AlertBuilder;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The alert repository: CRUD (inherited) with every field read back as saved; an owner's open
 * alerts (OPEN and ACKNOWLEDGED) by raise time, ties by id, up to a limit, and leaving that list at
 * once when resolved or given to someone else; a customer's alerts of any status by id; and alerts
 * inside transactions — committed together with other aggregates, rolled back with them, visible
 * to other threads only after commit, read back by id inside the transaction.
 */
public abstract class AlertContract extends RepositoryContract<Alert, AlertId> {

    /** The failure the tests throw to roll back. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back by the compatibility kit", null, false, false);
        }
    }

    @Override
    protected Repository<Alert, AlertId> repository() {
        return alerts();
    }

    private AlertRepository alerts() {
        return store().alerts();
    }

    @Override
    protected AlertId newId() {
        return AlertBuilder.alertId();
    }

    @Override
    protected Alert newAggregate(AlertId id) {
        return AlertBuilder.alert(customer()).id(id).account(Fixtures.accountId()).build();
    }

    @Override
    protected Alert changed(Alert stored) {
        return stored.acknowledged("rm-tck", Fixtures.NOW.plusSeconds(30));
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private Alert saved(StaffId owner, Instant raisedAt, AlertStatus status) {
        return alerts().save(AlertBuilder.alert(customer()).owner(owner).raisedAt(raisedAt).status(status).build());
    }

    private <T> T fromAnotherThread(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("findOpenByOwner lists OPEN and ACKNOWLEDGED alerts by raise time, ties by id, and never RESOLVED ones")
    void openAlertsByRaiseTime() {
        StaffId rm = Fixtures.staffId();
        Instant t = Fixtures.NOW;
        Alert late = saved(rm, t.plusSeconds(300), AlertStatus.OPEN);
        Alert early = saved(rm, t.minusSeconds(3_600), AlertStatus.ACKNOWLEDGED);
        AlertId lowId = AlertBuilder.alertId();
        AlertId highId = AlertBuilder.alertId();
        Alert tieHigh = alerts().save(AlertBuilder.alert(customer()).id(highId).owner(rm).raisedAt(t).build());
        Alert tieLow = alerts().save(AlertBuilder.alert(customer()).id(lowId).owner(rm).raisedAt(t).build());
        saved(rm, t.minusSeconds(7_200), AlertStatus.RESOLVED);
        saved(Fixtures.staffId(), t, AlertStatus.OPEN);

        List<Alert> open = alerts().findOpenByOwner(rm, 50);

        assertThat(open).containsExactly(early, tieLow, tieHigh, late);
    }

    @Test
    @DisplayName("findOpenByOwner returns at most 'limit' alerts, the earliest raised, and refuses a limit outside 1 to 10,000")
    void openAlertsLimit() {
        StaffId rm = Fixtures.staffId();
        Alert[] a = new Alert[4];
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = saved(rm, Fixtures.NOW.plusSeconds(60L * i), AlertStatus.OPEN);
        }

        assertThat(alerts().findOpenByOwner(rm, 2)).containsExactly(a[0], a[1]);
        assertThat(thrownValidation(() -> alerts().findOpenByOwner(rm, 0)).hasViolationOn("limit")).isTrue();
        assertThat(thrownValidation(() -> alerts().findOpenByOwner(rm, 10_001)).hasViolationOn("limit")).isTrue();
    }

    @Test
    @DisplayName("resolving an alert or giving it to another owner takes it off the first owner's open list at once")
    void openListFollowsUpdates() {
        StaffId rm = Fixtures.staffId();
        StaffId other = Fixtures.staffId();
        Alert resolved = saved(rm, Fixtures.NOW, AlertStatus.OPEN);
        Alert moved = saved(rm, Fixtures.NOW.plusSeconds(1), AlertStatus.OPEN);
        Alert stays = saved(rm, Fixtures.NOW.plusSeconds(2), AlertStatus.OPEN);

        alerts().save(resolved.resolved(Fixtures.NOW.plusSeconds(90), null));
        Alert movedV2 = alerts().save(moved.withOwner(other));
        Alert acked = alerts().save(stays.acknowledged("rm-tck", Fixtures.NOW.plusSeconds(95)));

        assertThat(alerts().findOpenByOwner(rm, 10)).containsExactly(acked);
        assertThat(alerts().findOpenByOwner(other, 10)).containsExactly(movedV2);
    }

    @Test
    @DisplayName("findByCustomer lists the customer's alerts of any status, by id, and nothing of other customers")
    void alertsOfCustomer() {
        CustomerId customer = customer();
        AlertId low = AlertBuilder.alertId();
        AlertId high = AlertBuilder.alertId();
        Alert b = alerts().save(AlertBuilder.alert(customer).id(high).status(AlertStatus.RESOLVED).build());
        Alert a = alerts().save(AlertBuilder.alert(customer).id(low).owner(null).build());
        alerts().save(AlertBuilder.alert(customer()).build());

        assertThat(alerts().findByCustomer(customer)).containsExactly(a, b);
    }

    @Test
    @DisplayName("an alert saved in a committed transaction with a task is visible to other threads, in every query")
    void commitsWithOtherAggregates() throws Exception {
        StaffId rm = Fixtures.staffId();
        CustomerId customer = customer();
        Alert alert = AlertBuilder.alert(customer).owner(rm).build();

        store().runInTransaction(() -> {
            alerts().save(alert);
            store().tasks().save(Fixtures.task(rm).customer(customer).build());
        });

        assertThat(fromAnotherThread(() -> alerts().findById(alert.id()))).isPresent();
        assertThat(fromAnotherThread(() -> alerts().findOpenByOwner(rm, 10))).extracting(Alert::id).containsExactly(alert.id());
        assertThat(fromAnotherThread(() -> alerts().findByCustomer(customer))).extracting(Alert::id).containsExactly(alert.id());
        assertThat(fromAnotherThread(() -> store().tasks().findByCustomer(customer))).hasSize(1);
    }

    @Test
    @DisplayName("a rolled-back transaction leaves no alert behind, in any query, and no version bump on an updated one")
    void rollbackLeavesNothing() {
        StaffId rm = Fixtures.staffId();
        CustomerId customer = customer();
        Alert existing = alerts().save(AlertBuilder.alert(customer).owner(rm).build());
        Alert fresh = AlertBuilder.alert(customer).owner(rm).build();
        Rollback failure = new Rollback();

        Throwable thrown = thrown(Rollback.class, () -> store().runInTransaction(() -> {
            alerts().save(fresh);
            alerts().save(existing.resolved(Fixtures.NOW.plusSeconds(5), "rolled back"));
            store().tasks().save(Fixtures.task(rm).customer(customer).build());
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(alerts().findById(fresh.id())).isEmpty();
        assertThat(alerts().get(existing.id())).readsBackAs(existing);
        assertThat(alerts().findByCustomer(customer)).containsExactly(existing);
        assertThat(alerts().findOpenByOwner(rm, 10)).containsExactly(existing);
        assertThat(store().tasks().findByCustomer(customer)).isEmpty();
    }

    @Test
    @DisplayName("inside a transaction an alert reads back by id before commit; other threads see it only after")
    void readsOwnWriteInsideTransaction() throws Exception {
        Alert alert = AlertBuilder.alert(customer()).build();

        Optional<Alert> seenByOthers = store().inTransaction(() -> {
            Alert stored = alerts().save(alert);
            assertThat(alerts().findById(alert.id())).hasValueSatisfying(a -> assertThat(a).readsBackAs(stored));
            try {
                return fromAnotherThread(() -> alerts().findById(alert.id()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenByOthers).as("seen by another thread before commit").isEmpty();
        assertThat(alerts().findById(alert.id())).isPresent();
    }
}

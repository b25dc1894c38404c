package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.alert.AlertService;
import io.crmkit.core.alert.AlertStatus;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** {@link AlertService} over the store, through the write pipeline. Thread-safe. */
final class AlertServiceImpl implements AlertService {
    private static final int MAX_OPEN = 10_000;

    private final Engine engine;
    private final Actor actor;
    private final Access access;

    AlertServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public Alert raise(NewAlert n) {
        Check.notNull(n, "alert");
        return engine.write(access, Operation.ALERT_WRITE, "Alert", n.id(), Call.of("alerts", "raise", n), null, n, () -> {
            Optional<Alert> created = create(n);
            return created.isPresent() ? created.get() : engine.store.alerts().get(n.id());
        });
    }

    @Override
    public Optional<Alert> raiseIfAbsent(NewAlert n) {
        Check.notNull(n, "alert");
        return engine.write(access, Operation.ALERT_WRITE, "Alert", n.id(), Call.of("alerts", "raiseIfAbsent", n), null, n,
                () -> create(n));
    }

    /** Inside the write: the new alert, or empty if one with the given id exists. */
    private Optional<Alert> create(NewAlert n) {
        Customer customer = access.requireWritable(Operation.ALERT_WRITE, n.customerId());
        if (n.id() != null) {
            Optional<Alert> seen = engine.store.alerts().findById(n.id());
            if (seen.isPresent() && access.visible(seen.get().customerId()).isEmpty()) {
                // the same answer whether the other customer is visible or not
                throw new DuplicateKeyException("Alert", "id");
            }
            if (seen.isPresent()) {
                if (!seen.get().customerId().equals(n.customerId())) {
                    // one event raising one rule's alert for two customers is a feed error, not a repeat
                    throw new DuplicateKeyException("Alert", "id");
                }
                return Optional.empty();
            }
        }
        AlertId id = n.id() != null ? n.id() : AlertId.of(engine.newId("Alert"));
        StaffId owner = n.owner() != null ? n.owner() : customer.owner();
        Alert alert = new Alert(id, n.ruleId(), n.customerId(), n.accountId(), n.severity(), AlertStatus.OPEN,
                owner, n.reason(), n.triggerEventId(), micros(n.raisedAt()), null, null, null, null,
                Meta.created(engine.now(), actor.id()));
        engine.guard(null, alert, n.customerId());
        return Optional.of(engine.store.alerts().save(alert));
    }

    @Override
    public Alert get(AlertId id) {
        Check.notNull(id, "id");
        // Hidden and absent look the same, and name only the id asked for.
        return engine.store.alerts().findById(id).filter(a -> access.visible(a.customerId()).isPresent())
                .orElseThrow(() -> new io.crmkit.core.error.NotFoundException("Alert", id.value()));
    }

    @Override
    public List<Alert> openAlerts(StaffId owner) {
        Check.notNull(owner, "owner");
        return engine.store.alerts().findOpenByOwner(owner, MAX_OPEN).stream()
                .filter(a -> access.visible(a.customerId()).isPresent()).toList();
    }

    @Override
    public List<Alert> alertsFor(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.alerts().findByCustomer(customerId);
    }

    @Override
    public Alert acknowledge(AlertId id, long expectedVersion) {
        return change(id, expectedVersion, "acknowledge", AlertStatus.OPEN,
                a -> a.acknowledged(actor.id(), engine.now()));
    }

    @Override
    public Alert resolve(AlertId id, long expectedVersion, @Nullable String resolution) {
        String note = Check.optionalText(resolution, "resolution", Alert.MAX_RESOLUTION);
        return change(id, expectedVersion, "resolve", null, a -> a.resolved(engine.now(), note));
    }

    /** Read, check version and status, change, save: one transaction. {@code from} null means any open status. */
    private Alert change(AlertId id, long expectedVersion, String operation, @Nullable AlertStatus from,
            UnaryOperator<Alert> edit) {
        Check.notNull(id, "id");
        Call call = operation.equals("resolve") ? Call.of("alerts", operation, id, expectedVersion, null)
                : Call.of("alerts", operation, id, expectedVersion);
        return engine.write(access, Operation.ALERT_WRITE, "Alert", id, call, null, operation, () -> {
            Alert current = get(id);
            access.requireWritable(Operation.ALERT_WRITE, current.customerId());
            if (current.meta().version() != expectedVersion) {
                throw new ConflictException("Alert", id.value(), expectedVersion);
            }
            boolean allowed = from == null ? current.status().isOpen() : current.status() == from;
            if (!allowed) {
                throwIfAny(List.of(Violation.of("status", from == null ? "Open" : from.name(),
                        "the alert is " + current.status())));
            }
            Alert next = edit.apply(current).withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.customerId());
            return engine.store.alerts().save(next);
        });
    }

    /** Stores keep microseconds; the alert must read back equal to what was saved. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

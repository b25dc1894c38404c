package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.alert.AlertStatus;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.AlertRepository;

/** Alerts on JPA. Thread-safe. */
final class JpaAlerts extends JpaRepository<Alert, AlertId, AlertEntity> implements AlertRepository {

    JpaAlerts(Transactions tx, StoreSettings settings) {
        super(tx, settings, AlertEntity.class, Alert.class, "Alert");
    }

    @Override
    String key(AlertId id) {
        return id.value();
    }

    @Override
    AlertEntity newEntity() {
        return new AlertEntity();
    }

    @Override
    void copyColumns(Alert a, AlertEntity e) {
        e.ownerId = a.owner() == null ? null : a.owner().value();
        e.status = a.status().name();
        e.raisedAt = micros(a.raisedAt());
        e.raisedNano = a.raisedAt().getNano();
        e.customerId = a.customerId().value();
    }

    @Override
    public List<Alert> findOpenByOwner(StaffId owner, int limit) {
        Check.notNull(owner, "owner");
        Check.range(limit, 1, 10_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("Alert")
                .andAll("e.ownerId = :o and e.status in (:open)", "o", owner.value(),
                        "open", List.of(AlertStatus.OPEN.name(), AlertStatus.ACKNOWLEDGED.name()))
                .list(em, "e.raisedAt, e.raisedNano, e.id", limit)));
    }

    @Override
    public List<Alert> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Alert").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }
}

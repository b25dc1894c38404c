package io.crmkit.core.memory;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.AlertRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Alerts with each owner's open alerts ordered by raise time, and an index by customer. */
final class MemoryAlerts extends MemoryTable<Alert, AlertId> implements AlertRepository {
    private record RaisedKey(Instant raisedAt, AlertId id) {}

    private static final Comparator<RaisedKey> BY_RAISED = Comparator.comparing(RaisedKey::raisedAt)
            .thenComparing(RaisedKey::id);

    private final Map<StaffId, TreeSet<RaisedKey>> openByOwner = new HashMap<>();
    private final Map<CustomerId, TreeSet<AlertId>> byCustomer = new HashMap<>();

    MemoryAlerts(InMemoryCrmStore store) {
        super(store, "Alert");
    }

    @Override
    void index(Alert a) {
        if (a.status().isOpen() && a.owner() != null) {
            openByOwner.computeIfAbsent(a.owner(), o -> new TreeSet<>(BY_RAISED)).add(new RaisedKey(a.raisedAt(), a.id()));
        }
        add(byCustomer, a.customerId(), a.id());
    }

    @Override
    void unindex(Alert a) {
        if (a.owner() != null) {
            TreeSet<RaisedKey> open = openByOwner.get(a.owner());
            if (open != null) {
                open.remove(new RaisedKey(a.raisedAt(), a.id()));
                if (open.isEmpty()) {
                    openByOwner.remove(a.owner());
                }
            }
        }
        remove(byCustomer, a.customerId(), a.id());
    }

    @Override
    public List<Alert> findOpenByOwner(StaffId owner, int limit) {
        Check.notNull(owner, "owner");
        Check.range(limit, 1, 10_000, "limit");
        return seen(n -> store.read(() -> openByOwner.getOrDefault(owner, new TreeSet<>(BY_RAISED)).stream().limit(n)
                .map(k -> rows.get(k.id())).toList()), limit, a -> a.status().isOpen() && owner.equals(a.owner()),
                Comparator.comparing((Alert a) -> new RaisedKey(a.raisedAt(), a.id()), BY_RAISED));
    }

    @Override
    public List<Alert> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                a -> customerId.equals(a.customerId()));
    }
}

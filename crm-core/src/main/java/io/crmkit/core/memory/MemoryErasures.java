package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.spi.ErasureRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Erasure records, indexed by customer and (scheduled ones) by due time. */
final class MemoryErasures extends MemoryTable<Erasure, ErasureId> implements ErasureRepository {
    private record DueKey(Instant dueAt, ErasureId id) {}

    private static final Comparator<DueKey> BY_DUE = Comparator.comparing(DueKey::dueAt).thenComparing(DueKey::id);

    private final Map<CustomerId, TreeSet<ErasureId>> byCustomer = new HashMap<>();
    private final TreeSet<DueKey> scheduled = new TreeSet<>(BY_DUE);

    MemoryErasures(InMemoryCrmStore store) {
        super(store, "Erasure");
    }

    @Override
    void index(Erasure e) {
        add(byCustomer, e.customerId(), e.id());
        if (e.status() == ErasureStatus.SCHEDULED) {
            scheduled.add(new DueKey(e.dueAt(), e.id()));
        }
    }

    @Override
    void unindex(Erasure e) {
        remove(byCustomer, e.customerId(), e.id());
        scheduled.remove(new DueKey(e.dueAt(), e.id()));
    }

    @Override
    public List<Erasure> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                e -> customerId.equals(e.customerId()));
    }

    @Override
    public List<Erasure> findDue(Instant now, int limit) {
        Check.notNull(now, "now");
        Check.range(limit, 1, 10_000, "limit");
        return seen(n -> store.read(() -> scheduled.stream().takeWhile(k -> !k.dueAt().isAfter(now)).limit(n)
                .map(k -> rows.get(k.id())).toList()), limit,
                e -> e.status() == ErasureStatus.SCHEDULED && !e.dueAt().isAfter(now),
                Comparator.comparing((Erasure e) -> new DueKey(e.dueAt(), e.id()), BY_DUE));
    }
}

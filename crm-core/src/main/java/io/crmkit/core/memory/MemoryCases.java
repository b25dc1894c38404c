package io.crmkit.core.memory;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CaseRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Cases, indexed by customer and by three instants (next due threshold, next breach, survey
 * answer), each a sorted set of (instant, id), so the SLA monitor and the reports read ranges.
 */
final class MemoryCases extends MemoryTable<ServiceCase, CaseId> implements CaseRepository {
    /** An index key; a {@code null} id sorts first, so {@code new At(t, null)} starts the range at {@code t}. */
    private record At(Instant at, @Nullable CaseId id) {}

    private static final Comparator<At> ORDER = Comparator.comparing(At::at)
            .thenComparing(At::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<CustomerId, TreeSet<CaseId>> byCustomer = new HashMap<>();
    private final TreeSet<At> due = new TreeSet<>(ORDER);
    private final TreeSet<At> breaches = new TreeSet<>(ORDER);
    private final TreeSet<At> answered = new TreeSet<>(ORDER);

    MemoryCases(InMemoryCrmStore store) {
        super(store, "ServiceCase");
    }

    @Override
    void index(ServiceCase c) {
        add(byCustomer, c.customerId(), c.id());
        put(due, c.nextDueAt(), c.id());
        put(breaches, c.breachAt(), c.id());
        put(answered, c.respondedAt(), c.id());
    }

    @Override
    void unindex(ServiceCase c) {
        remove(byCustomer, c.customerId(), c.id());
        if (c.nextDueAt() != null) {
            due.remove(new At(c.nextDueAt(), c.id()));
        }
        if (c.breachAt() != null) {
            breaches.remove(new At(c.breachAt(), c.id()));
        }
        if (c.respondedAt() != null) {
            answered.remove(new At(c.respondedAt(), c.id()));
        }
    }

    private static void put(TreeSet<At> index, @Nullable Instant at, CaseId id) {
        if (at != null) {
            index.add(new At(at, id));
        }
    }

    @Override
    public List<ServiceCase> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                c -> customerId.equals(c.customerId()));
    }

    @Override
    public List<ServiceCase> findDue(Instant dueBy, int limit) {
        Check.notNull(dueBy, "dueBy");
        Check.range(limit, 1, 10_000, "limit");
        return seen(n -> store.read(() -> due.stream().takeWhile(a -> !a.at().isAfter(dueBy)).limit(n)
                .map(a -> rows.get(a.id())).toList()), limit, c -> c.nextDueAt() != null && !c.nextDueAt().isAfter(dueBy),
                by(ServiceCase::nextDueAt));
    }

    @Override
    public List<ServiceCase> findNextBreaches(int limit) {
        Check.range(limit, 1, 10_000, "limit");
        return seen(n -> store.read(() -> breaches.stream().limit(n).map(a -> rows.get(a.id())).toList()), limit,
                c -> c.breachAt() != null, by(ServiceCase::breachAt));
    }

    @Override
    public List<ServiceCase> findRespondedBetween(Instant from, Instant to, int limit) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.range(limit, 1, 100_000, "limit");
        return seen(n -> store.read(() -> answered.tailSet(new At(from, null), true).stream().takeWhile(a -> a.at().isBefore(to))
                .limit(n).map(a -> rows.get(a.id())).toList()), limit,
                c -> c.respondedAt() != null && !c.respondedAt().isBefore(from) && c.respondedAt().isBefore(to),
                by(ServiceCase::respondedAt));
    }

    /** The order of an index over {@code instant} (each row the read returns has one). */
    private static Comparator<ServiceCase> by(java.util.function.Function<ServiceCase, @Nullable Instant> instant) {
        return Comparator.comparing((ServiceCase c) -> new At(java.util.Objects.requireNonNull(instant.apply(c)), c.id()), ORDER);
    }
}

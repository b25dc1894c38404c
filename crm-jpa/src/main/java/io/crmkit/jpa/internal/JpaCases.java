package io.crmkit.jpa.internal;

import java.time.Instant;
import java.util.List;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CaseRepository;

/** Service cases on JPA: each ordering is one index range. Thread-safe. */
final class JpaCases extends JpaRepository<ServiceCase, CaseId, CaseEntity> implements CaseRepository {

    JpaCases(Transactions tx, StoreSettings settings) {
        super(tx, settings, CaseEntity.class, ServiceCase.class, "ServiceCase");
    }

    @Override
    String key(CaseId id) {
        return id.value();
    }

    @Override
    CaseEntity newEntity() {
        return new CaseEntity();
    }

    @Override
    void copyColumns(ServiceCase c, CaseEntity e) {
        e.customerId = c.customerId().value();
        e.status = c.status().name();
        e.nextDueAt = c.nextDueAt() == null ? null : micros(c.nextDueAt());
        e.breachAt = c.breachAt() == null ? null : micros(c.breachAt());
        e.respondedAt = c.respondedAt() == null ? null : micros(c.respondedAt());
    }

    @Override
    public List<ServiceCase> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("ServiceCase").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    @Override
    public List<ServiceCase> findDue(Instant dueBy, int limit) {
        Check.notNull(dueBy, "dueBy");
        Check.range(limit, 1, 10_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("ServiceCase").and("e.nextDueAt <= :d", "d", micros(dueBy))
                .list(em, "e.nextDueAt, e.id", limit)));
    }

    @Override
    public List<ServiceCase> findNextBreaches(int limit) {
        Check.range(limit, 1, 10_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("ServiceCase").andAll("e.breachAt is not null")
                .list(em, "e.breachAt, e.id", limit)));
    }

    @Override
    public List<ServiceCase> findRespondedBetween(Instant from, Instant to, int limit) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.range(limit, 1, 100_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("ServiceCase")
                .andAll("e.respondedAt >= :f and e.respondedAt < :t", "f", micros(from), "t", micros(to))
                .list(em, "e.respondedAt, e.id", limit)));
    }
}

package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.spi.ErasureRepository;
import java.time.Instant;
import java.util.List;

/** Erasure records on JPA. Thread-safe. */
final class JpaErasures extends JpaRepository<Erasure, ErasureId, ErasureEntity> implements ErasureRepository {

    JpaErasures(Transactions tx, StoreSettings settings) {
        super(tx, settings, ErasureEntity.class, Erasure.class, "Erasure");
    }

    @Override
    String key(ErasureId id) {
        return id.value();
    }

    @Override
    ErasureEntity newEntity() {
        return new ErasureEntity();
    }

    @Override
    void copyColumns(Erasure e, ErasureEntity row) {
        row.customerId = e.customerId().value();
        row.status = e.status().name();
        row.dueAt = e.dueAt();
    }

    @Override
    public List<Erasure> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Erasure").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    @Override
    public List<Erasure> findDue(Instant now, int limit) {
        Check.notNull(now, "now");
        Check.range(limit, 1, 10_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("Erasure")
                .andAll("e.status = :s and e.dueAt <= :n", "s", ErasureStatus.SCHEDULED.name(), "n", now)
                .list(em, "e.dueAt, e.id", limit)));
    }
}

package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.spi.EngagementRepository;
import java.util.List;

/** Engagements on JPA, indexed by source; one customer's of a source in the same index range. Thread-safe. */
final class JpaEngagements extends JpaRepository<Engagement, EngagementId, EngagementEntity> implements EngagementRepository {
    JpaEngagements(Transactions tx, StoreSettings settings) {
        super(tx, settings, EngagementEntity.class, Engagement.class, "Engagement");
    }

    @Override String key(EngagementId id) { return id.value(); }

    @Override EngagementEntity newEntity() { return new EngagementEntity(); }

    @Override
    void copyColumns(Engagement g, EngagementEntity e) {
        e.sourceId = g.sourceId();
        e.customerId = g.customerId().value();
    }

    @Override
    public List<Engagement> findBySource(String sourceId) {
        Check.notNull(sourceId, "sourceId");
        return tx.run(em -> fromRows(Jpql.from("Engagement").and("e.sourceId = :s", "s", sourceId).list(em, "e.id", 0)));
    }

    @Override
    public List<Engagement> findBySourceAndCustomer(String sourceId, CustomerId customerId) {
        Check.notNull(sourceId, "sourceId");
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Engagement").andAll("e.sourceId = :s and e.customerId = :c", "s", sourceId, "c",
                customerId.value()).list(em, "e.id", 0)));
    }
}

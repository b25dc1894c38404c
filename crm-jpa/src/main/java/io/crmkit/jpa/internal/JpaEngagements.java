package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.spi.EngagementRepository;
import java.util.List;

/** Engagements on JPA, indexed by source. Thread-safe. */
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
}

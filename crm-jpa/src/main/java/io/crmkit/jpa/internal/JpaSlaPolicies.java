package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyId;
import io.crmkit.core.spi.SlaPolicyRepository;

/** SLA policies on JPA. Thread-safe. */
final class JpaSlaPolicies extends JpaRepository<SlaPolicy, SlaPolicyId, SlaPolicyEntity> implements SlaPolicyRepository {

    JpaSlaPolicies(Transactions tx, StoreSettings settings) {
        super(tx, settings, SlaPolicyEntity.class, SlaPolicy.class, "SlaPolicy");
    }

    @Override
    String key(SlaPolicyId id) {
        return id.value();
    }

    @Override
    SlaPolicyEntity newEntity() {
        return new SlaPolicyEntity();
    }

    @Override
    void copyColumns(SlaPolicy p, SlaPolicyEntity e) {
        // the document is all there is
    }

    @Override
    public List<SlaPolicy> findAll() {
        return tx.run(em -> fromRows(Jpql.from("SlaPolicy").list(em, "e.id", 0)));
    }
}

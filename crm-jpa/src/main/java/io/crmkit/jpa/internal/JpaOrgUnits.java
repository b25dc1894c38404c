package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.OrgUnitRepository;

/** The organisation tree on JPA. Thread-safe. */
final class JpaOrgUnits extends JpaRepository<OrgUnit, OrgUnitId, OrgUnitEntity> implements OrgUnitRepository {

    JpaOrgUnits(Transactions tx, StoreSettings settings) {
        super(tx, settings, OrgUnitEntity.class, OrgUnit.class, "OrgUnit");
    }

    @Override
    String key(OrgUnitId id) {
        return id.value();
    }

    @Override
    OrgUnitEntity newEntity() {
        return new OrgUnitEntity();
    }

    @Override
    void copyColumns(OrgUnit a, OrgUnitEntity e) {
        e.parentId = a.parent() == null ? null : a.parent().value();
    }

    @Override
    public List<OrgUnit> findAll() {
        return tx.run(em -> fromRows(Jpql.from("OrgUnit").list(em, "e.id", 0)));
    }
}

package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.check.Check;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.StaffRepository;

/** Staff members on JPA. Thread-safe. */
final class JpaStaff extends JpaRepository<Staff, StaffId, StaffEntity> implements StaffRepository {

    JpaStaff(Transactions tx, StoreSettings settings) {
        super(tx, settings, StaffEntity.class, Staff.class, "Staff");
    }

    @Override
    String key(StaffId id) {
        return id.value();
    }

    @Override
    StaffEntity newEntity() {
        return new StaffEntity();
    }

    @Override
    void copyColumns(Staff a, StaffEntity e) {
        e.unitId = a.unit().value();
    }

    @Override
    public List<Staff> findByUnit(OrgUnitId unit) {
        Check.notNull(unit, "unit");
        return tx.run(em -> fromRows(Jpql.from("Staff").and("e.unitId = :u", "u", unit.value()).list(em, "e.id", 0)));
    }
}

package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.StaffRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Staff indexed by unit. */
final class MemoryStaff extends MemoryTable<Staff, StaffId> implements StaffRepository {
    private final Map<OrgUnitId, TreeSet<StaffId>> byUnit = new HashMap<>();

    MemoryStaff(InMemoryCrmStore store) {
        super(store, "Staff");
    }

    @Override
    void index(Staff s) {
        add(byUnit, s.unit(), s.id());
    }

    @Override
    void unindex(Staff s) {
        remove(byUnit, s.unit(), s.id());
    }

    @Override
    public List<Staff> findByUnit(OrgUnitId unit) {
        Check.notNull(unit, "unit");
        return seen(() -> store.read(() -> byUnit.getOrDefault(unit, new TreeSet<>()).stream().map(rows::get).toList()),
                s -> unit.equals(s.unit()));
    }
}

package io.crmkit.core.memory;

import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.OrgUnitRepository;
import java.util.Comparator;
import java.util.List;

/** The organisation tree: a few hundred rows at most. */
final class MemoryOrgUnits extends MemoryTable<OrgUnit, OrgUnitId> implements OrgUnitRepository {
    MemoryOrgUnits(InMemoryCrmStore store) {
        super(store, "OrgUnit");
    }

    @Override
    void index(OrgUnit row) {}

    @Override
    void unindex(OrgUnit row) {}

    @Override
    public List<OrgUnit> findAll() {
        return seen(() -> store.read(() -> rows.values().stream().sorted(Comparator.comparing(OrgUnit::id)).toList()), u -> true);
    }
}

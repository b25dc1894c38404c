package io.crmkit.core.spi;

import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import java.util.List;

/** The organisation tree. */
public interface OrgUnitRepository extends Repository<OrgUnit, OrgUnitId> {
    /** Every unit, by id. */
    List<OrgUnit> findAll();
}

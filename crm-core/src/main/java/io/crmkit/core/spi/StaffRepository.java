package io.crmkit.core.spi;

import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import java.util.List;

/** Staff members. */
public interface StaffRepository extends Repository<Staff, StaffId> {
    /** The members of a unit (not of its sub-units), by id. */
    List<Staff> findByUnit(OrgUnitId unit);
}

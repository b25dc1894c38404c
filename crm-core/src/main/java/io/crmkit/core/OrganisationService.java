package io.crmkit.core;

import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The organisation tree (head office → branch → team) and its staff, used for ownership, task
 * assignment and data scopes.
 *
 * <p>Thread-safe.
 */
public interface OrganisationService {
    /**
     * Adds a unit under {@code parent}.
     *
     * @throws io.crmkit.core.error.ValidationException if the parent does not exist
     */
    OrgUnit addUnit(OrgUnitId id, String name, OrgUnitType type, @Nullable OrgUnitId parent);

    Staff addStaff(StaffId id, String displayName, OrgUnitId unit, Set<String> roles);

    /** Marks a member as having left; their customers keep the owner until reassigned. */
    Staff deactivate(StaffId id);

    List<OrgUnit> units();

    /** The unit and every unit below it. */
    List<OrgUnitId> subtree(OrgUnitId root);

    List<Staff> staffOf(OrgUnitId unit);
}

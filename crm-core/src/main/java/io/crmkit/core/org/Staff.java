package io.crmkit.core.org;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import java.util.Set;

/**
 * A member of staff: relationship manager, broker, call-centre agent, branch manager. Staff own
 * customers and opportunities and are assigned tasks.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the display name.
 *
 * @param id the staff id (usually the host's employee number)
 * @param displayName the name shown to colleagues
 * @param unit the unit the member belongs to
 * @param roles role codes (for example {@code RM}, {@code BRANCH_MANAGER}); free-form, used by access policies
 * @param active false once the member has left
 * @param meta version and bookkeeping
 */
public record Staff(StaffId id, String displayName, OrgUnitId unit, Set<String> roles, boolean active, Meta meta)
        implements Aggregate<StaffId, Staff> {
    public Staff {
        Check.notNull(id, "id");
        Check.notBlank(displayName, "displayName", Check.MAX_SHORT);
        Check.notNull(unit, "unit");
        roles = Check.set(roles, "roles");
        Check.notNull(meta, "meta");
    }

    @Override
    public Staff withMeta(Meta newMeta) {
        return new Staff(id, displayName, unit, roles, active, newMeta);
    }

    @Override
    public String toString() {
        return "Staff[id=" + id + ", unit=" + unit + ", roles=" + roles + ", active=" + active + ", version=" + meta.version() + "]";
    }
}

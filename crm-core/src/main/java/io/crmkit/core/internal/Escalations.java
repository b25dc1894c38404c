package io.crmkit.core.internal;

import io.crmkit.core.casework.EscalationLevel;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who holds an escalation level for a case, from the org model: the owner; the lead of the case's
 * team (active staff of the unit with role {@code TEAM_LEAD}); the manager of the nearest branch at
 * or above it (role {@code BRANCH_MANAGER}). A level nobody holds passes up to the next, and past
 * the top back to the owner; several holders: the lowest staff id, so the choice is deterministic.
 * Thread-safe (reads only).
 */
final class Escalations {
    private static final int MAX_DEPTH = 64;

    private final Engine engine;

    Escalations(Engine engine) {
        this.engine = engine;
    }

    @Nullable StaffId holder(EscalationLevel level, ServiceCase c) {
        for (EscalationLevel at = level; at != null; at = up(at)) {
            StaffId found = switch (at) {
                case OWNER -> c.owner() != null && active(c.owner()) ? c.owner() : null;
                case TEAM_LEAD -> withRole(team(c), at.roleCode());
                case BRANCH_MANAGER -> withRole(branchOf(team(c)), at.roleCode());
            };
            if (found != null) {
                return found;
            }
        }
        return c.owner() != null && active(c.owner()) ? c.owner() : null;
    }

    private static @Nullable EscalationLevel up(EscalationLevel level) {
        return switch (level) {
            case OWNER -> EscalationLevel.TEAM_LEAD;
            case TEAM_LEAD -> EscalationLevel.BRANCH_MANAGER;
            case BRANCH_MANAGER -> null;
        };
    }

    private boolean active(StaffId id) {
        return engine.store.staff().findById(id).map(Staff::active).orElse(false);
    }

    private @Nullable OrgUnitId team(ServiceCase c) {
        if (c.team() != null) {
            return c.team();
        }
        return c.owner() == null ? null : engine.store.staff().findById(c.owner()).map(Staff::unit).orElse(null);
    }

    private @Nullable StaffId withRole(@Nullable OrgUnitId unit, @Nullable String role) {
        if (unit == null || role == null) {
            return null;
        }
        return engine.store.staff().findByUnit(unit).stream().filter(s -> s.active() && s.roles().contains(role))
                .map(Staff::id).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The nearest BRANCH unit at or above {@code unit}, or {@code null}. */
    @Nullable OrgUnitId branchOf(@Nullable OrgUnitId unit) {
        OrgUnitId at = unit;
        for (int i = 0; at != null && i < MAX_DEPTH; i++) {
            Optional<OrgUnit> u = engine.store.orgUnits().findById(at);
            if (u.isEmpty()) {
                return null;
            }
            if (u.get().type() == OrgUnitType.BRANCH) {
                return at;
            }
            at = u.get().parent();
        }
        return null;
    }
}

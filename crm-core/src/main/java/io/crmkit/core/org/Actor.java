package io.crmkit.core.org;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who an operation runs on behalf of: a staff member (with roles and an org unit) or a system job
 * (a nightly scoring run, a feed import). Every write records its actor; access policies and
 * maker-checker decide on it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the staff id or the job's name
 * @param kind staff or system
 * @param orgUnit the unit a staff member works in; {@code null} for system jobs
 * @param roles role codes
 * @param onBehalfOf the staff member (or customer) the actor acts for, recorded in the audit trail; {@code null} for none
 */
public record Actor(String id, Kind kind, @Nullable OrgUnitId orgUnit, Set<String> roles, @Nullable String onBehalfOf) {
    /** Whether a person, a job or another system's API client acts. */
    public enum Kind { STAFF, SYSTEM, CLIENT }

    public Actor {
        Ids.check(id, "actor.id");
        Check.notNull(kind, "actor.kind");
        roles = Check.set(roles, "actor.roles");
        if (onBehalfOf != null) {
            Ids.check(onBehalfOf, "actor.onBehalfOf");
        }
    }

    /** An actor acting for nobody else. */
    public Actor(String id, Kind kind, @Nullable OrgUnitId orgUnit, Set<String> roles) {
        this(id, kind, orgUnit, roles, null);
    }

    /**
     * An API client of another system (a mobile-banking back end, a call-centre switch), scoped like
     * staff: to {@code unit} if given, and only as far as its roles grant.
     */
    public static Actor client(String clientId, @Nullable OrgUnitId unit, String... roles) {
        return new Actor(clientId, Kind.CLIENT, unit, Set.of(roles), null);
    }

    /** The same actor acting on behalf of {@code who} (for example a call-centre agent for a relationship manager). */
    public Actor onBehalfOf(String who) {
        return new Actor(id, kind, orgUnit, roles, who);
    }

    /** A staff member acting in {@code unit} with the given role codes. */
    public static Actor staff(StaffId staff, OrgUnitId unit, String... roles) {
        return new Actor(staff.value(), Kind.STAFF, unit, Set.of(roles));
    }

    /** A system job such as {@code nightly-tiering} or {@code feed:callcentre}. */
    public static Actor system(String jobName, String... roles) {
        return new Actor(jobName, Kind.SYSTEM, null, Set.of(roles));
    }

    /** The staff id when a person acts. */
    public @Nullable StaffId staffId() {
        return kind == Kind.STAFF ? StaffId.of(id) : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

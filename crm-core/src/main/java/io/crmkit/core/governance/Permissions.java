package io.crmkit.core.governance;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firm's permission model: roles that grant typed operations at a depth, and the mapping from
 * the host's role names to them. Given to {@code Crm.builder().permissions(...)}, it governs
 * every read and write path of every session: an operation no role of the actor grants is refused
 * ({@link io.crmkit.core.error.AccessDeniedException}), a record outside the granted depth behaves
 * as absent. Nothing is "all" unless a role grants {@link Depth#ALL}, for system jobs and API
 * clients as for staff.
 *
 * <p>Grants are additive: an actor with several roles gets, per operation, the widest depth any of
 * them grants, and sees a field masked only when every role granting {@link Operation#CUSTOMER_READ}
 * masks it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Permissions {
    private final Map<String, Role> roles;
    private final RoleMapper mapper;

    private Permissions(Map<String, Role> roles, RoleMapper mapper) {
        this.roles = Map.copyOf(roles);
        this.mapper = mapper;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The widest depth at which the actor's roles grant {@code operation}, if any does. */
    public Optional<Depth> depth(Actor actor, Operation operation) {
        Depth best = null;
        for (Role role : rolesOf(actor)) {
            Depth d = role.grants().get(operation);
            if (d != null) {
                best = best == null ? d : best.max(d);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The fields the actor sees masked. */
    public Set<FieldMask> masks(Actor actor) {
        Set<FieldMask> out = null;
        for (Role role : rolesOf(actor)) {
            if (role.grants().containsKey(Operation.CUSTOMER_READ)) {
                if (out == null) {
                    out = EnumSet.allOf(FieldMask.class);
                }
                out.retainAll(role.masks());
            }
        }
        return out == null ? Set.of() : Set.copyOf(out);
    }

    private Iterable<Role> rolesOf(Actor actor) {
        Set<String> codes = mapper.roles(actor);
        if (codes == null) {
            return Set.of();
        }
        return codes.stream().map(roles::get).filter(r -> r != null).toList();
    }

    @Override
    public String toString() {
        return "Permissions[roles=" + roles.keySet() + "]";
    }

    /** Builds {@link Permissions}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Role> roles = new LinkedHashMap<>();
        private RoleMapper mapper = RoleMapper.identity();

        private Builder() {}

        /** Adds a role; codes are unique. */
        public Builder role(Role role) {
            Check.notNull(role, "permissions.role");
            if (roles.putIfAbsent(role.code(), role) != null) {
                throw ValidationException.of("permissions.role", "Unique", "a role code is defined twice");
            }
            return this;
        }

        /** How the host's role names map to role codes; default: the actor's roles as they are. */
        public Builder roleMapper(RoleMapper value) {
            mapper = Check.notNull(value, "permissions.roleMapper");
            return this;
        }

        public Permissions build() {
            return new Permissions(roles, mapper);
        }
    }
}

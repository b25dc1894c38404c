package io.crmkit.spring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.governance.RoleMapper;
import io.crmkit.core.org.Actor;

/** Builds {@link Permissions} from {@code crmkit.governance.*}. Stateless. */
final class GovernanceProperties {
    private GovernanceProperties() {
    }

    /**
     * The permissions the properties describe, or {@code null} when they list no role (then no
     * permission model is set, as with {@code Crm.builder()}).
     *
     * @param mapper the application's {@code RoleMapper} bean, which replaces {@code role-mapping}
     */
    static @Nullable Permissions permissions(CrmProperties.Governance governance, @Nullable RoleMapper mapper) {
        if (governance.getRoles().isEmpty()) {
            return null;
        }
        Permissions.Builder builder = Permissions.builder()
                .roleMapper(mapper != null ? mapper : mapping(governance.getRoleMapping()));
        List<CrmProperties.RoleProperties> roles = governance.getRoles();
        for (int i = 0; i < roles.size(); i++) {
            CrmProperties.RoleProperties r = roles.get(i);
            try {
                Role.Builder role = Role.builder(r.getCode());
                r.getGrants().forEach((operation, depth) -> role.grant(depth, operation));
                role.mask(r.getMasks().toArray(io.crmkit.core.governance.FieldMask[]::new));
                builder.role(role.build());
            } catch (ValidationException e) {
                throw PropertyErrors.of("crmkit.governance.roles[" + i + "]", e, r.getCode());
            }
        }
        return builder.build();
    }

    /** Each of the actor's roles mapped through {@code mapping}; a name not listed stays as it is. */
    static RoleMapper mapping(Map<String, List<String>> mapping) {
        Map<String, List<String>> copy = Map.copyOf(mapping);
        if (copy.isEmpty()) {
            return RoleMapper.identity();
        }
        return (Actor actor) -> {
            Set<String> out = new LinkedHashSet<>();
            for (String role : actor.roles()) {
                out.addAll(copy.getOrDefault(role, List.of(role)));
            }
            return out;
        };
    }
}

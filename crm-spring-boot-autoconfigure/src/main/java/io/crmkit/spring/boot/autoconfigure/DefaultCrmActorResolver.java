package io.crmkit.spring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;

/**
 * The default {@link CrmActorResolver}: the principal's name is the staff id; the org unit is the
 * unit of that staff member in the store's staff list (else {@code crmkit.actor.default-org-unit});
 * each authority, with the prefix {@code crmkit.actor.authority-prefix} ({@code ROLE_}) removed, is
 * a role name, which the governance {@code RoleMapper} ({@code crmkit.governance.role-mapping})
 * maps to CRMKit role codes. A staff member the staff list marks inactive is refused.
 *
 * <p>Thread-safe: it reads the store through the SPI, once per call.
 */
public final class DefaultCrmActorResolver implements CrmActorResolver {
    private final Supplier<CrmStore> store;
    private final String authorityPrefix;
    private final @Nullable OrgUnitId defaultOrgUnit;

    /**
     * @param store the store holding the staff list (a supplier, so the {@code Crm} bean may be
     *     created after this resolver)
     */
    public DefaultCrmActorResolver(Supplier<CrmStore> store, String authorityPrefix, @Nullable OrgUnitId defaultOrgUnit) {
        this.store = store;
        this.authorityPrefix = authorityPrefix;
        this.defaultOrgUnit = defaultOrgUnit;
    }

    @Override
    public Actor resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("anonymous", "act in the CRM");
        }
        StaffId staff = StaffId.of(authentication.getName());
        Optional<Staff> known = store.get().staff().findById(staff);
        if (known.isPresent() && !known.get().active()) {
            throw new AccessDeniedException(staff.value(), "act in the CRM (inactive staff)");
        }
        OrgUnitId unit = known.map(Staff::unit).orElse(defaultOrgUnit);
        return new Actor(staff.value(), Actor.Kind.STAFF, unit, roles(authentication));
    }

    private Set<String> roles(Authentication authentication) {
        Set<String> roles = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (!authorityPrefix.isEmpty() && name.startsWith(authorityPrefix)) {
                name = name.substring(authorityPrefix.length());
            }
            // authorities that are not role-shaped (scopes with '/' or spaces, URLs) are not roles
            if (name.matches("[A-Za-z0-9_.:-]{1,64}")) {
                roles.add(name);
            }
        }
        return roles;
    }

    @Override
    public String toString() {
        return "DefaultCrmActorResolver[authorityPrefix=" + authorityPrefix + "]";
    }
}

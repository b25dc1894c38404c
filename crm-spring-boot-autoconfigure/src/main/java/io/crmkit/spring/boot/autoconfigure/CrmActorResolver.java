package io.crmkit.spring.boot.autoconfigure;

import org.springframework.security.core.Authentication;

import io.crmkit.core.org.Actor;

/**
 * Turns Spring Security's {@link Authentication} into the CRMKit {@link Actor} an operation runs
 * for. The auto-configuration provides {@link DefaultCrmActorResolver} (the principal's name is
 * the staff id, the authorities are the roles); define a bean of this type to replace it, for
 * example to read the staff id from a JWT claim:
 *
 * <pre>{@code
 * @Bean CrmActorResolver actors() {
 *     return auth -> Actor.staff(StaffId.of(((Jwt) auth.getPrincipal()).getClaimAsString("staff_id")),
 *             OrgUnitId.of(((Jwt) auth.getPrincipal()).getClaimAsString("branch")), "RM");
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: they run on every request.
 */
@FunctionalInterface
public interface CrmActorResolver {
    /**
     * The actor for an authenticated user.
     *
     * @throws io.crmkit.core.error.AccessDeniedException if the user may not act in the CRM at all
     * @throws io.crmkit.core.error.ValidationException if the principal does not make a valid actor
     *     (for example a name that is not a valid staff id)
     */
    Actor resolve(Authentication authentication);
}

package io.crmkit.core.governance;

import io.crmkit.core.org.Actor;
import java.util.Set;

/**
 * Maps the host's own role names (an LDAP group, a Spring Security authority) to CRMKit role
 * codes. The default takes the actor's role codes as they are.
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface RoleMapper {
    /** The CRMKit role codes {@code actor} holds; unknown codes are ignored. */
    Set<String> roles(Actor actor);

    static RoleMapper identity() {
        return Actor::roles;
    }
}

package io.crmkit.spring.boot.autoconfigure;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.error.AccessDeniedException;

/**
 * The CRM on behalf of the signed-in user: {@code crmSessions.current().customers().view(id)}
 * resolves Spring Security's current {@link Authentication} through the {@link CrmActorResolver}
 * bean, so a controller never builds an {@code Actor} by hand.
 *
 * <p>Thread-safe; {@link #current()} reads the calling thread's security context.
 */
public final class CrmSessions {
    private final Crm crm;
    private final CrmActorResolver resolver;

    public CrmSessions(Crm crm, CrmActorResolver resolver) {
        this.crm = crm;
        this.resolver = resolver;
    }

    /**
     * The session of the signed-in user.
     *
     * @throws AccessDeniedException if nobody is signed in on this thread
     */
    public CrmSession current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("anonymous", "act in the CRM");
        }
        return of(authentication);
    }

    /** The session of {@code authentication}'s user. */
    public CrmSession of(Authentication authentication) {
        return crm.as(resolver.resolve(authentication));
    }

    @Override
    public String toString() {
        return "CrmSessions[" + resolver + "]";
    }
}

package io.crmkit.examples.desk;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.org.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The governed CRMKit session of the signed-in user: every page reads through it, so the library
 * applies the user's permissions, data scope and masks. Thread-safe.
 */
@Component
class Sessions {
    private final Crm crm;

    Sessions(Crm crm) {
        this.crm = crm;
    }

    CrmSession of(Authentication authentication) {
        Actor actor = DeskUsers.actor(authentication)
                .orElseThrow(() -> new io.crmkit.core.error.AccessDeniedException("desk", "session"));
        return crm.as(actor);
    }
}

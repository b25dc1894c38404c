package io.crmkit.core.consent;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The contact policy refused a contact (for example an outbound interaction): nothing was
 * recorded except the refusal itself, which is logged and audited with its reason. The message
 * names the reason and, for a deferral, the earliest allowed instant; never personal data.
 *
 * <p>Immutable and thread-safe.
 */
public class ContactRefusedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final ContactReason reason;
    private final @Nullable Instant deferredUntil;

    public ContactRefusedException(ContactDecision decision) {
        super(message(decision));
        if (decision.allowed()) {
            throw ValidationException.of("decision", "Refusal", "must deny or defer");
        }
        this.reason = decision.reason();
        this.deferredUntil = decision instanceof ContactDecision.Defer d ? d.until() : null;
    }

    private static String message(ContactDecision d) {
        if (d instanceof ContactDecision.Defer defer) {
            return "contact refused: " + defer.reason() + " (" + defer.detail() + "); allowed from " + defer.until();
        }
        if (d instanceof ContactDecision.Deny deny) {
            return "contact refused: " + deny.reason() + " (" + deny.detail() + ")";
        }
        return "contact allowed";
    }

    /** Why. */
    public ContactReason reason() {
        return reason;
    }

    /** For a deferral, the earliest instant the contact would be allowed; otherwise {@code null}. */
    public @Nullable Instant deferredUntil() {
        return deferredUntil;
    }
}

package io.crmkit.analytics.nba;

import io.crmkit.analytics.internal.Checks;
import java.time.Instant;

/**
 * What a {@link ContactGate} says about one contact: allow it, deny it with a reason, or defer it
 * until an instant (for example a frequency cap that frees up next week).
 *
 * <p>Immutable and thread-safe. {@link #allow()} is one shared instance, so a gate that allows
 * creates nothing per call.
 *
 * @param kind  allow, deny or defer
 * @param code  stable upper-case reason code ({@code ALLOWED} for allow)
 * @param text  the reason in words, without personal data
 * @param until for a deferral, the instant from which contact may be tried again; otherwise null
 */
public record ContactDecision(Kind kind, String code, String text, Instant until) {

    private static final ContactDecision ALLOW = new ContactDecision(Kind.ALLOW, "ALLOWED", "Contact allowed", null);

    /** The gate's three answers. */
    public enum Kind { ALLOW, DENY, DEFER }

    public ContactDecision {
        Checks.notNull(kind, "contactDecision.kind");
        Checks.code(code, "contactDecision.code");
        Checks.text(text, 200, "contactDecision.text");
        if (kind == Kind.DEFER) {
            Checks.notNull(until, "contactDecision.until");
        } else if (until != null) {
            throw Checks.invalid("contactDecision.until", "OnlyForDefer", "must be null unless the contact is deferred");
        }
    }

    /** Contact may go ahead; always the same instance. */
    public static ContactDecision allow() {
        return ALLOW;
    }

    /** Contact is refused, e.g. {@code deny("NO_MARKETING_CONSENT", "No consent to marketing by phone")}. */
    public static ContactDecision deny(String code, String text) {
        return new ContactDecision(Kind.DENY, code, text, null);
    }

    /** Contact may be tried again from {@code until}, e.g. after a weekly frequency cap. */
    public static ContactDecision defer(Instant until, String code, String text) {
        return new ContactDecision(Kind.DEFER, code, text, until);
    }

    public boolean allowed() {
        return kind == Kind.ALLOW;
    }
}

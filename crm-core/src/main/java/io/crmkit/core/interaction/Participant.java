package io.crmkit.core.interaction;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * Someone who took part in an interaction: a staff member, a contact, a customer, or an external
 * person, referenced by id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the reference points at
 * @param ref a staff id, contact id or customer id, or a free reference for EXTERNAL
 * @param role their part (host, attendee, advisor), or {@code null}
 */
public record Participant(Kind kind, String ref, @Nullable String role) {
    /** What a participant reference points at. */
    public enum Kind { STAFF, CONTACT, CUSTOMER, EXTERNAL }

    public Participant {
        Check.notNull(kind, "kind");
        ref = Check.notBlank(ref, "ref", 64);
        role = Check.optionalText(role, "role", 64);
    }

    @Override
    public String toString() {
        return "Participant[kind=" + kind + ", role=" + role + "]";
    }
}

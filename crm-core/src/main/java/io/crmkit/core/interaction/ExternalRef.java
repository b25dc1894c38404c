package io.crmkit.core.interaction;

import io.crmkit.core.check.Check;

/**
 * The key of an event in the system that reported it (a call-centre record id, an email message
 * id). Recording the same external reference twice is a no-op, so a feed imported twice does not
 * create records twice.
 *
 * <p>Immutable and thread-safe.
 *
 * @param system the reporting system, 1-64 of {@code [A-Za-z0-9._:-]}
 * @param id the event's key there, 1-128 characters
 */
public record ExternalRef(String system, String id) {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern SYSTEM_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ExternalRef {
        Check.that(system != null && SYSTEM_NAME.matcher(system).matches(), "externalRef.system", "SystemName",
                "must be 1-64 letters, digits or . _ : -");
        id = Check.notBlank(id, "externalRef.id", 128);
    }

    public static ExternalRef of(String system, String id) {
        return new ExternalRef(system, id);
    }

    /** The system only: the host's record id may be a call or ticket number a customer can be found by. */
    @Override
    public String toString() {
        return "ExternalRef[system=" + system + ", ***]";
    }
}

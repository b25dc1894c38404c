package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import java.time.Instant;

/**
 * A consent record for one purpose on one contact point: its status, where it came from (a signed
 * form, the app, a recorded call) and when it was captured. Never a bare yes/no flag, so the firm
 * can show a regulator when and how each consent was obtained.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose what the contact point may be used for
 * @param status given, refused or withdrawn
 * @param source where the consent came from
 * @param capturedAt when it was captured
 */
public record Consent(ConsentPurpose purpose, ConsentStatus status, String source, Instant capturedAt) {
    public Consent {
        Check.notNull(purpose, "purpose");
        Check.notNull(status, "status");
        source = Check.notBlank(source, "source", Check.MAX_SHORT);
        Check.notNull(capturedAt, "capturedAt");
    }

    public static Consent granted(ConsentPurpose purpose, String source, Instant capturedAt) {
        return new Consent(purpose, ConsentStatus.GRANTED, source, capturedAt);
    }

    /** Codes only: the source is free text. */
    @Override
    public String toString() {
        return "Consent[purpose=" + purpose + ", status=" + status + ", capturedAt=" + capturedAt + ", ***]";
    }
}

package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A command to capture a customer's answer for one purpose on one kind of contact point: a grant
 * (immediately effective, or with double opt-in pending until the customer confirms) or a refusal.
 * It replaces the customer's current record for that contact point and purpose.
 *
 * <pre>{@code
 * NewConsent.grant(customerId, ContactPointKind.EMAIL, ConsentPurpose.MARKETING, "web:signup")
 *         .doubleOptIn().until(Instant.parse("2028-01-01T00:00:00Z")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId whose consent
 * @param point the kind of contact point
 * @param purpose the purpose
 * @param granted {@code true} for a grant, {@code false} for a refusal
 * @param source where it was captured, a code ({@code [A-Za-z0-9._:-]}, at most 64)
 * @param capturedAt when it was captured, or {@code null} for now
 * @param effectiveFrom from when it is effective, or {@code null} for the capture time
 * @param effectiveUntil until when (exclusive), or {@code null} for open-ended
 * @param doubleOptIn whether the grant waits for the customer's confirmation
 */
public record NewConsent(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, boolean granted,
        String source, @Nullable Instant capturedAt, @Nullable Instant effectiveFrom, @Nullable Instant effectiveUntil,
        boolean doubleOptIn) {
    public NewConsent {
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        Ids.check(source, "source");
        Check.that(granted || !doubleOptIn, "doubleOptIn", "OnlyForGrants", "applies to grants only");
        Check.that(effectiveUntil == null || effectiveFrom == null || effectiveUntil.isAfter(effectiveFrom),
                "effectiveUntil", "AfterFrom", "must be after effectiveFrom");
    }

    /** A grant to build on. */
    public static Builder grant(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, String source) {
        return new Builder(customerId, point, purpose, true, source);
    }

    /** A refusal to build on. */
    public static Builder refuse(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, String source) {
        return new Builder(customerId, point, purpose, false, source);
    }

    /** Collects the fields of a {@link NewConsent}; not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final ContactPointKind point;
        private final ConsentPurpose purpose;
        private final boolean granted;
        private final String source;
        private @Nullable Instant capturedAt;
        private @Nullable Instant from;
        private @Nullable Instant until;
        private boolean doubleOptIn;

        private Builder(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, boolean granted,
                String source) {
            this.customerId = customerId;
            this.point = point;
            this.purpose = purpose;
            this.granted = granted;
            this.source = source;
        }

        public Builder capturedAt(@Nullable Instant value) { capturedAt = value; return this; }

        public Builder from(@Nullable Instant value) { from = value; return this; }

        public Builder until(@Nullable Instant value) { until = value; return this; }

        /** The grant waits for the customer's confirmation ({@code ConsentService.confirm}). */
        public Builder doubleOptIn() { doubleOptIn = true; return this; }

        public NewConsent build() {
            return new NewConsent(customerId, point, purpose, granted, source, capturedAt, from, until, doubleOptIn);
        }
    }
}

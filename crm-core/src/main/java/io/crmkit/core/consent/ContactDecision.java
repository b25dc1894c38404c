package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The contact policy's answer: {@link Allow}, {@link Deny} with a typed reason, or {@link Defer}
 * until the earliest instant at which the same contact would be allowed (given the consents,
 * flags and contact log the decision saw). Details are fixed phrases and figures, never personal data.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ContactDecision permits ContactDecision.Allow, ContactDecision.Deny, ContactDecision.Defer {
    /** The one {@link Allow}. */
    Allow ALLOW = new Allow();

    /** Whether the contact may go ahead now. */
    default boolean allowed() {
        return this instanceof Allow;
    }

    /** Why not, or {@code null} when allowed. */
    @Nullable ContactReason reason();

    /** The contact may go ahead. */
    record Allow() implements ContactDecision {
        @Override
        public @Nullable ContactReason reason() {
            return null;
        }
    }

    /**
     * The contact may not be made (until something changes: a consent, a flag).
     *
     * @param reason why
     * @param detail more words, no personal data
     */
    record Deny(ContactReason reason, String detail) implements ContactDecision {
        public Deny {
            Check.notNull(reason, "reason");
            Check.notNull(detail, "detail");
        }
    }

    /**
     * The contact may be made later: {@code until} is the earliest instant it would be allowed.
     *
     * @param until the earliest allowed instant, after the instant asked about
     * @param reason why not now (the first check that holds it back)
     * @param detail more words, no personal data
     */
    record Defer(Instant until, ContactReason reason, String detail) implements ContactDecision {
        public Defer {
            Check.notNull(until, "until");
            Check.notNull(reason, "reason");
            Check.notNull(detail, "detail");
        }
    }
}

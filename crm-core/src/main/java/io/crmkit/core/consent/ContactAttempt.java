package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the contact log: a contact the policy decided on, and what became of it. Carried-out
 * contacts count towards the firm-wide frequency caps whoever made them; refused ones keep their
 * typed reason (and, for a deferral, the instant it would have been allowed) so the firm can show
 * what it did not send and why. Entries are written once and never changed.
 *
 * <p>Immutable and thread-safe; prints ids, codes and instants only.
 *
 * @param id the entry's id
 * @param customerId who was (or would have been) contacted
 * @param channel on which channel
 * @param purpose for which purpose
 * @param department the unit that made (or asked for) the contact, or {@code null} if unknown
 * @param at when the contact happened or was asked for
 * @param outcome carried out or refused
 * @param reason why it was refused; {@code null} exactly when carried out
 * @param deferredUntil for a deferral, the earliest instant it would have been allowed; otherwise {@code null}
 * @param reference what the contact belongs to, a code such as {@code interaction:01J...} or
 *     {@code campaign:spring-2027}, or {@code null}
 * @param meta version and bookkeeping (who logged it)
 */
public record ContactAttempt(ContactAttemptId id, CustomerId customerId, Channel channel, ConsentPurpose purpose,
        @Nullable OrgUnitId department, Instant at, ContactOutcome outcome, @Nullable ContactReason reason,
        @Nullable Instant deferredUntil, @Nullable String reference, Meta meta)
        implements Aggregate<ContactAttemptId, ContactAttempt> {
    public ContactAttempt {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.notNull(channel, "channel");
        Check.notNull(purpose, "purpose");
        Check.notNull(at, "at");
        Check.notNull(outcome, "outcome");
        Check.that((outcome == ContactOutcome.REFUSED) == (reason != null), "reason", "WhenRefused",
                "must be set exactly when the contact was refused");
        Check.that(deferredUntil == null || (reason != null && deferredUntil.isAfter(at)), "deferredUntil", "AfterAt",
                "must be after at, and only on a refused contact");
        if (reference != null) {
            Ids.check(reference, "reference");
        }
        Check.notNull(meta, "meta");
    }

    /** Whether it counts towards the frequency caps. */
    public boolean carriedOut() {
        return outcome == ContactOutcome.CARRIED_OUT;
    }

    @Override
    public ContactAttempt withMeta(Meta value) {
        return new ContactAttempt(id, customerId, channel, purpose, department, at, outcome, reason, deferredUntil,
                reference, value);
    }
}

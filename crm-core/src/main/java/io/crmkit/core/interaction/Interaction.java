package io.crmkit.core.interaction;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.opportunity.OpportunityId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry on a customer's timeline (客户来往): a call, email, meeting, branch visit,
 * call-centre record, web or app session, SMS, chat or letter, inbound or outbound, with
 * participants, outcome and notes, optionally linked to a contact and an opportunity. An
 * {@link ExternalRef} makes re-recording the same event a no-op.
 *
 * <p>Immutable and thread-safe. Subject and notes may hold personal data: {@link #toString()}
 * omits them.
 *
 * @param id the interaction id
 * @param customerId whose timeline it is on
 * @param channel where it happened
 * @param direction inbound or outbound
 * @param occurredAt when it happened
 * @param duration how long it lasted, or {@code null}
 * @param subject a short subject
 * @param notes free notes up to 10,000 characters, or {@code null}
 * @param outcome how it ended, or {@code null}
 * @param participants who took part
 * @param contactId the contact spoken to, or {@code null}
 * @param opportunityId the opportunity it concerns, or {@code null}
 * @param externalRef the reporting system's key, or {@code null}
 * @param meta version and bookkeeping
 */
public record Interaction(InteractionId id, CustomerId customerId, Channel channel, Direction direction,
        Instant occurredAt, @Nullable Duration duration, String subject, @Nullable String notes,
        @Nullable Outcome outcome, List<Participant> participants, @Nullable ContactId contactId,
        @Nullable OpportunityId opportunityId, @Nullable ExternalRef externalRef, Meta meta)
        implements Aggregate<InteractionId, Interaction> {
    /** Longest interaction duration accepted. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    public Interaction {
        Check.Violations v = Check.collect();
        v.notNull(id, "id");
        v.notNull(customerId, "customerId");
        v.notNull(channel, "channel");
        v.notNull(direction, "direction");
        v.notNull(occurredAt, "occurredAt");
        v.that(duration == null || (!duration.isNegative() && duration.compareTo(MAX_DURATION) <= 0), "duration",
                "Range", "must be between zero and one day");
        v.notBlank(subject, "subject", Check.MAX_SHORT);
        v.optionalText(notes, "notes", Check.MAX_TEXT);
        participants = v.list(participants, "participants");
        if (participants != null) {
            v.that(participants.size() <= 100, "participants", "Size", "must have at most 100 entries");
        }
        v.notNull(meta, "meta");
        v.throwIfAny();
    }

    @Override
    public Interaction withMeta(Meta value) {
        return new Interaction(id, customerId, channel, direction, occurredAt, duration, subject, notes, outcome,
                participants, contactId, opportunityId, externalRef, value);
    }

    @Override
    public String toString() {
        return "Interaction[id=" + id + ", customerId=" + customerId + ", channel=" + channel + ", direction="
                + direction + ", occurredAt=" + occurredAt + ", outcome=" + outcome + "]";
    }
}

package io.crmkit.core.interaction;

import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.opportunity.OpportunityId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The input to record an interaction. With an external reference, recording the same event twice
 * returns the first record and writes nothing.
 *
 * <p>Immutable and thread-safe once built. Personal data: {@link #toString()} is redacted.
 *
 * @param customerId whose timeline
 * @param channel where it happened
 * @param direction inbound or outbound
 * @param occurredAt when; {@code null} means now
 * @param duration how long, or {@code null}
 * @param subject a short subject
 * @param notes notes up to 10,000 characters, or {@code null}
 * @param outcome how it ended, or {@code null}
 * @param participants who took part
 * @param contactId the contact spoken to, or {@code null}
 * @param opportunityId the opportunity concerned, or {@code null}
 * @param externalRef the reporting system's key, or {@code null}
 * @param purpose what an outbound contact is for, checked by the contact policy; {@code null} means
 *     {@link ConsentPurpose#SERVICE} (ignored for inbound interactions)
 */
public record NewInteraction(@NotNull CustomerId customerId, @NotNull Channel channel, @NotNull Direction direction,
        @Nullable Instant occurredAt, @Nullable Duration duration, @NotBlank @Size(max = 200) String subject,
        @Size(max = Check.MAX_TEXT) @Nullable String notes, @Nullable Outcome outcome,
        @NotNull @Size(max = 100) List<@NotNull Participant> participants, @Nullable ContactId contactId,
        @Nullable OpportunityId opportunityId, @Nullable ExternalRef externalRef, @Nullable ConsentPurpose purpose) {

    /** An interaction without a purpose (outbound ones count as {@link ConsentPurpose#SERVICE}). */
    public NewInteraction(CustomerId customerId, Channel channel, Direction direction, @Nullable Instant occurredAt,
            @Nullable Duration duration, String subject, @Nullable String notes, @Nullable Outcome outcome,
            List<Participant> participants, @Nullable ContactId contactId, @Nullable OpportunityId opportunityId,
            @Nullable ExternalRef externalRef) {
        this(customerId, channel, direction, occurredAt, duration, subject, notes, outcome, participants, contactId,
                opportunityId, externalRef, null);
    }

    public static Builder of(CustomerId customerId, Channel channel, Direction direction) {
        return new Builder(customerId, channel, direction);
    }

    @Override
    public String toString() {
        return "NewInteraction[customerId=" + customerId + ", channel=" + channel + ", direction=" + direction + "]";
    }

    /** Collects the fields of a {@link NewInteraction}; not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final Channel channel;
        private final Direction direction;
        private @Nullable Instant occurredAt;
        private @Nullable Duration duration;
        private String subject = "";
        private @Nullable String notes;
        private @Nullable Outcome outcome;
        private final List<Participant> participants = new ArrayList<>();
        private @Nullable ContactId contactId;
        private @Nullable OpportunityId opportunityId;
        private @Nullable ExternalRef externalRef;
        private @Nullable ConsentPurpose purpose;

        private Builder(CustomerId customerId, Channel channel, Direction direction) {
            this.customerId = customerId;
            this.channel = channel;
            this.direction = direction;
        }

        public Builder at(Instant value) { occurredAt = value; return this; }

        public Builder duration(@Nullable Duration value) { duration = value; return this; }

        public Builder subject(String value) { subject = value; return this; }

        public Builder notes(@Nullable String value) { notes = value; return this; }

        public Builder outcome(@Nullable Outcome value) { outcome = value; return this; }

        public Builder participant(Participant value) { participants.add(value); return this; }

        public Builder contact(@Nullable ContactId value) { contactId = value; return this; }

        public Builder opportunity(@Nullable OpportunityId value) { opportunityId = value; return this; }

        public Builder externalRef(@Nullable ExternalRef value) { externalRef = value; return this; }

        /** What an outbound contact is for (default {@link ConsentPurpose#SERVICE}); the contact policy checks it. */
        public Builder purpose(@Nullable ConsentPurpose value) { purpose = value; return this; }

        public NewInteraction build() {
            return new NewInteraction(customerId, channel, direction, occurredAt, duration, subject, notes, outcome,
                    new ArrayList<>(participants), contactId, opportunityId, externalRef, purpose);
        }
    }
}

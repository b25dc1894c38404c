package io.crmkit.core.spi;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Interactions: each customer's timeline. The external reference is a natural key: {@link #save}
 * refuses a second interaction with the same {@code (system, id)} with
 * {@link io.crmkit.core.error.DuplicateKeyException} on key {@code externalRef}.
 */
public interface InteractionRepository extends Repository<Interaction, InteractionId> {
    Optional<Interaction> findByExternalRef(ExternalRef ref);

    /**
     * One page of a customer's timeline, newest first (by occurredAt, then id, both descending);
     * cursors are {@link TimelineCursor}s. Without repeats or gaps under concurrent inserts.
     *
     * @throws io.crmkit.core.error.ValidationException if the cursor is malformed
     */
    Page<Interaction> timeline(CustomerId customerId, PageRequest page);

    long countByCustomer(CustomerId customerId);

    /**
     * Every interaction with {@code from <= occurredAt < to}, in occurredAt then id order, lazily;
     * close the stream. Empty when {@code to} is not after {@code from}. Any instants are valid
     * bounds, {@link Instant#MIN} and {@link Instant#MAX} included. For batch analytics.
     */
    Stream<Interaction> stream(Instant from, Instant to);

    /**
     * {@link #stream(Instant, Instant)} projected to what batch analytics reads of an interaction
     * (customer, time, channel, direction, outcome): the same interactions in the same order, without
     * the subject, notes, participants and bookkeeping. This default maps the full stream; a store
     * may override it with a leaner read (crm-jpa reads only these columns and fields). Close the
     * stream.
     */
    default Stream<Fact> streamFacts(Instant from, Instant to) {
        return stream(from, to).map(Fact::of);
    }

    /**
     * What {@link #streamFacts} gives per interaction. Holds no personal data.
     *
     * @param customerId whose timeline it is on
     * @param occurredAt when it happened
     * @param channel where it happened
     * @param direction inbound or outbound
     * @param outcome how it ended, or {@code null}
     */
    record Fact(CustomerId customerId, Instant occurredAt, Channel channel, Direction direction, @Nullable Outcome outcome) {
        public Fact {
            Check.notNull(customerId, "customerId");
            Check.notNull(occurredAt, "occurredAt");
            Check.notNull(channel, "channel");
            Check.notNull(direction, "direction");
        }

        /** The fact of a full interaction. */
        public static Fact of(Interaction i) {
            return new Fact(i.customerId(), i.occurredAt(), i.channel(), i.direction(), i.outcome());
        }
    }
}

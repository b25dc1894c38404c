package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

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
}

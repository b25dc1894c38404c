package io.crmkit.core;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;

/**
 * The customer timeline: record interactions and read them newest first.
 *
 * <p>Thread-safe.
 */
public interface InteractionService {
    /**
     * Records an interaction. With an external reference already recorded, returns the existing
     * record and writes nothing (a feed imported twice creates nothing twice), even under
     * concurrent imports.
     *
     * @throws io.crmkit.core.error.ValidationException on bad input, an occurredAt more than a day
     *     ahead of the clock or before 1900, or a contact/opportunity of another customer
     * @throws io.crmkit.core.error.NotFoundException if the customer does not exist or is not visible
     */
    Interaction record(NewInteraction interaction);

    /** A page of the customer's timeline, newest first. */
    Page<Interaction> timeline(CustomerId customerId, PageRequest page);
}

package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A question to the contact policy: may the firm contact this customer on this channel for this
 * purpose, from this department, at this instant? The department is logged with the contact; the
 * caps count contacts firm-wide, whichever department makes them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId whom
 * @param channel how
 * @param purpose what for
 * @param department who asks, or {@code null} for the actor's own unit (none for system jobs)
 * @param at when, or {@code null} for now (the {@code Crm}'s clock)
 * @param reference what the contact belongs to (a code such as {@code campaign:spring-2027}), or {@code null}
 */
public record ContactRequest(CustomerId customerId, Channel channel, ConsentPurpose purpose,
        @Nullable OrgUnitId department, @Nullable Instant at, @Nullable String reference) {
    public ContactRequest {
        Check.notNull(customerId, "customerId");
        Check.notNull(channel, "channel");
        Check.notNull(purpose, "purpose");
        if (reference != null) {
            Ids.check(reference, "reference");
        }
    }

    /** A request for now, from the actor's unit, without a reference. */
    public static ContactRequest of(CustomerId customerId, Channel channel, ConsentPurpose purpose) {
        return new ContactRequest(customerId, channel, purpose, null, null, null);
    }

    /** The same request at {@code instant}. */
    public ContactRequest at(Instant instant) {
        return new ContactRequest(customerId, channel, purpose, department, Check.notNull(instant, "at"), reference);
    }

    /** The same request from {@code unit}. */
    public ContactRequest from(OrgUnitId unit) {
        return new ContactRequest(customerId, channel, purpose, Check.notNull(unit, "department"), at, reference);
    }

    /** The same request belonging to {@code code}. */
    public ContactRequest reference(String code) {
        return new ContactRequest(customerId, channel, purpose, department, at, code);
    }
}

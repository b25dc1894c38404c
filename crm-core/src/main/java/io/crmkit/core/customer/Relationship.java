package io.crmkit.core.customer;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A dated relationship between two customers; see {@link RelationshipType} for how to read
 * direction. A relationship is current on a date when it started on or before it and has not ended
 * before it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the relationship id
 * @param from the customer the type describes
 * @param to the other customer
 * @param type the kind of relationship
 * @param validFrom first day it holds, or {@code null} if unknown
 * @param validUntil last day it holds, or {@code null} while it lasts
 * @param meta version and bookkeeping
 */
public record Relationship(RelationshipId id, CustomerId from, CustomerId to, RelationshipType type,
        @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, Meta meta)
        implements Aggregate<RelationshipId, Relationship> {
    public Relationship {
        Check.notNull(id, "id");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.that(!from.equals(to), "to", "NotSelf", "a customer cannot be related to itself");
        Check.notNull(type, "type");
        Check.that(validFrom == null || validUntil == null || !validUntil.isBefore(validFrom), "validUntil",
                "NotBeforeStart", "must not be before validFrom");
        Check.notNull(meta, "meta");
    }

    /** Whether the relationship holds on {@code date}. */
    public boolean isCurrentOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validUntil == null || !validUntil.isBefore(date));
    }

    /** The customer on the other side from {@code side}. */
    public CustomerId other(CustomerId side) {
        return side.equals(from) ? to : from;
    }

    /** A copy that ends on {@code lastDay}. */
    public Relationship endedOn(LocalDate lastDay) {
        return new Relationship(id, from, to, type, validFrom, lastDay, meta);
    }

    @Override
    public Relationship withMeta(Meta value) {
        return new Relationship(id, from, to, type, validFrom, validUntil, value);
    }
}

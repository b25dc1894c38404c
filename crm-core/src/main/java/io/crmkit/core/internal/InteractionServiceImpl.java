package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.InteractionService;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link InteractionService} over the store. Thread-safe. */
final class InteractionServiceImpl implements InteractionService {
    /** How far ahead of the clock an interaction may be dated (clock skew between systems). */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Engine engine;
    private final Actor actor;
    private final Access access;

    InteractionServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public Interaction record(NewInteraction n) {
        List<Violation> v = engine.validator.check(n, "interaction");
        if (n != null) {
            plausible(n.occurredAt(), engine.now().plus(FUTURE_TOLERANCE), "occurredAt", v);
            if (n.duration() != null && (n.duration().isNegative() || n.duration().compareTo(Interaction.MAX_DURATION) > 0)) {
                v.add(Violation.of("duration", "Range", "must be between zero and one day"));
            }
        }
        throwIfAny(v);
        // The repeat check runs inside the write, after the scope check: a hidden customer's
        // interaction is never returned, and interceptors see every call.
        try {
            return engine.write(access, Operation.INTERACTION_RECORD, "Interaction", null, Call.of("interactions", "record", n),
                    null, n, () -> write(n));
        } catch (DuplicateKeyException e) {
            // Another thread recorded the same external event between our check and our write.
            if (n.externalRef() != null) {
                Optional<Interaction> seen = engine.store.inTransaction(() -> alreadyRecorded(n));
                if (seen.isPresent()) {
                    return seen.get();
                }
            }
            throw e;
        }
    }

    private Optional<Interaction> alreadyRecorded(NewInteraction n) {
        Optional<Interaction> existing = engine.store.interactions().findByExternalRef(n.externalRef());
        if (existing.isPresent() && !existing.get().customerId().equals(n.customerId())) {
            // The same external event cannot belong to two customers: that is a feed error, not a
            // repeat. Whether the other customer is visible or not, the answer is the same.
            throw new DuplicateKeyException("Interaction", "externalRef");
        }
        return existing;
    }

    private Interaction write(NewInteraction n) {
        access.requireWritable(Operation.INTERACTION_RECORD, n.customerId());
        if (n.externalRef() != null) {
            Optional<Interaction> seen = alreadyRecorded(n);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        List<Violation> v = new java.util.ArrayList<>();
        if (n.contactId() != null && engine.store.contacts().findById(n.contactId())
                .filter(c -> c.customerId().equals(n.customerId())).isEmpty()) {
            v.add(Violation.of("contactId", "SameCustomer", "must be a contact of the same customer"));
        }
        if (n.opportunityId() != null && engine.store.opportunities().findById(n.opportunityId())
                .filter(o -> o.customerId().equals(n.customerId())).isEmpty()) {
            v.add(Violation.of("opportunityId", "SameCustomer", "must be an opportunity of the same customer"));
        }
        throwIfAny(v);
        Instant now = engine.now();
        Interaction interaction = new Interaction(InteractionId.of(engine.newId("Interaction")), n.customerId(),
                n.channel(), n.direction(), n.occurredAt() == null ? now : n.occurredAt(), n.duration(), n.subject(),
                n.notes(), n.outcome(), n.participants(), n.contactId(), n.opportunityId(), n.externalRef(),
                Meta.created(now, actor.id()));
        engine.guard(null, interaction, n.customerId());
        Interaction saved = engine.store.interactions().save(interaction);
        engine.emit(new CrmEvent.InteractionRecorded(now, actor.id(), saved.customerId(), saved.id(), saved.channel()));
        return saved;
    }

    @Override
    public Page<Interaction> timeline(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        access.requireVisible(customerId);
        return engine.store.interactions().timeline(customerId, page);
    }
}

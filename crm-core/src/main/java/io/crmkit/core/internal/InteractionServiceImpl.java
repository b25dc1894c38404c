package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.InteractionService;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.consent.ContactRefusedException;
import io.crmkit.core.interaction.Direction;
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
    private final ContactDecider decider;

    InteractionServiceImpl(Access access) {
        this.access = access;
        this.decider = new ContactDecider(access);
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
        } catch (Refused refused) {
            // The write rolled back; the refusal itself is logged (and so audited) in a unit of its own.
            engine.internalWrite(actor, "contact.refuse", null, () -> engine.store.contactLog().save(refused.entry));
            throw new ContactRefusedException(refused.decision);
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
        Customer customer = access.requireWritable(Operation.INTERACTION_RECORD, n.customerId());
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
        Instant at = n.occurredAt() == null ? now : n.occurredAt();
        ContactRequest contact = null;
        if (n.direction() == Direction.OUTBOUND) {
            contact = new ContactRequest(n.customerId(), n.channel(),
                    n.purpose() == null ? ConsentPurpose.SERVICE : n.purpose(), actor.orgUnit(), at, null);
            ContactDecision decision = decider.decide(customer, contact, at);
            if (!decision.allowed()) {
                throw new Refused(decision, decider.entry(contact, decision, at, null));
            }
        }
        Interaction interaction = new Interaction(InteractionId.of(engine.newId("Interaction")), n.customerId(),
                n.channel(), n.direction(), n.occurredAt() == null ? now : n.occurredAt(), n.duration(), n.subject(),
                n.notes(), n.outcome(), n.participants(), n.contactId(), n.opportunityId(), n.externalRef(),
                Meta.created(now, actor.id()));
        engine.guard(null, interaction, n.customerId());
        Interaction saved = engine.store.interactions().save(interaction);
        if (contact != null) {
            // the carried-out contact feeds the caps from now on
            String ref = "interaction:" + saved.id().value();
            engine.store.contactLog().save(decider.entry(contact, ContactDecision.ALLOW, at,
                    ref.length() <= io.crmkit.core.check.Ids.MAX_LENGTH ? ref : saved.id().value()));
        }
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

    /** The internal signal that the contact policy refused an outbound interaction; never leaves the library. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ContactDecision decision;
        final transient ContactAttempt entry;

        Refused(ContactDecision decision, ContactAttempt entry) {
            super("refused by the contact policy", null, false, false);
            this.decision = decision;
            this.entry = entry;
        }
    }
}

package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.ConsentService;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link ConsentService} over the store, through the write pipeline. Thread-safe. */
final class ConsentServiceImpl implements ConsentService {
    private final Engine engine;
    private final Access access;

    ConsentServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    @Override
    public ConsentRecord capture(NewConsent n) {
        Check.notNull(n, "consent");
        List<Violation> v = new ArrayList<>();
        Instant latest = engine.now().plus(InteractionServiceImpl.FUTURE_TOLERANCE);
        plausible(n.capturedAt(), latest, "capturedAt", v);
        plausible(n.effectiveFrom(), Instant.parse("9999-01-01T00:00:00Z"), "effectiveFrom", v);
        plausible(n.effectiveUntil(), Instant.parse("9999-01-01T00:00:00Z"), "effectiveUntil", v);
        throwIfAny(v);
        return engine.write(access, Operation.CONSENT_WRITE, "Consent", null, Call.of("consents", "capture", n), null, n,
                () -> {
                    access.requireWritable(Operation.CONSENT_WRITE, n.customerId());
                    Instant now = engine.now();
                    Instant captured = n.capturedAt() == null ? now : micros(n.capturedAt());
                    Instant from = n.effectiveFrom() == null ? captured : micros(n.effectiveFrom());
                    Instant until = n.effectiveUntil() == null ? null : micros(n.effectiveUntil());
                    if (until != null && !until.isAfter(from)) {
                        throwIfAny(List.of(Violation.of("effectiveUntil", "AfterFrom", "must be after effectiveFrom")));
                    }
                    ConsentStatus status = !n.granted() ? ConsentStatus.DENIED
                            : n.doubleOptIn() ? ConsentStatus.PENDING : ConsentStatus.GRANTED;
                    Optional<ConsentRecord> before = engine.store.consents().find(n.customerId(), n.point(), n.purpose());
                    ConsentId id = before.map(ConsentRecord::id).orElseGet(() -> ConsentId.of(engine.newId("Consent")));
                    Meta meta = before.map(b -> b.meta().touched(now, access.actor().id()))
                            .orElseGet(() -> Meta.created(now, access.actor().id()));
                    ConsentRecord next = new ConsentRecord(id, n.customerId(), n.point(), n.purpose(), status, n.source(),
                            captured, from, until, n.doubleOptIn(), status == ConsentStatus.GRANTED ? captured : null, null,
                            null, meta);
                    engine.guard(before.orElse(null), next, n.customerId());
                    return engine.store.consents().save(next);
                });
    }

    @Override
    public ConsentRecord confirm(ConsentId id) {
        Check.notNull(id, "id");
        return engine.write(access, Operation.CONSENT_WRITE, "Consent", id, Call.of("consents", "confirm", id), null, id,
                () -> {
                    ConsentRecord current = visible(id);
                    access.requireWritable(Operation.CONSENT_WRITE, current.customerId());
                    if (current.status() != ConsentStatus.PENDING) {
                        throwIfAny(List.of(Violation.of("status", "Pending", "the consent is " + current.status())));
                    }
                    Instant now = engine.now();
                    ConsentRecord next = current.confirmed(now).withMeta(current.meta().touched(now, access.actor().id()));
                    engine.guard(current, next, current.customerId());
                    return engine.store.consents().save(next);
                });
    }

    @Override
    public ConsentRecord withdraw(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, String via) {
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        Ids.check(via, "via");
        return engine.write(access, Operation.CONSENT_WRITE, "Consent", null,
                Call.of("consents", "withdraw", customerId, point, purpose, via), null, via, () -> {
                    access.requireWritable(Operation.CONSENT_WRITE, customerId);
                    ConsentRecord current = engine.store.consents().find(customerId, point, purpose)
                            .orElseThrow(() -> new NotFoundException("Consent", customerId.value()));
                    if (current.status() == ConsentStatus.WITHDRAWN || current.status() == ConsentStatus.DENIED) {
                        return current;
                    }
                    Instant now = engine.now();
                    Instant at = now.isBefore(current.capturedAt()) ? current.capturedAt() : now;
                    ConsentRecord next = current.withdrawn(at, via).withMeta(current.meta().touched(now, access.actor().id()));
                    engine.guard(current, next, customerId);
                    return engine.store.consents().save(next);
                });
    }

    @Override
    public Optional<ConsentRecord> find(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose) {
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        access.requireVisible(customerId);
        return engine.store.consents().find(customerId, point, purpose);
    }

    @Override
    public List<ConsentRecord> consentsOf(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.consents().findByCustomer(customerId);
    }

    @Override
    public DoNotContact setDoNotContact(CustomerId customerId, boolean everything, Set<Channel> channels, String source) {
        Check.notNull(customerId, "customerId");
        Set<Channel> set = Set.copyOf(Check.set(channels, "channels"));
        Ids.check(source, "source");
        return engine.write(access, Operation.CONSENT_WRITE, "DoNotContact", customerId,
                Call.of("consents", "setDoNotContact", customerId, everything, set, source), null, source, () -> {
                    access.requireWritable(Operation.CONSENT_WRITE, customerId);
                    Instant now = engine.now();
                    Optional<DoNotContact> before = engine.store.doNotContact().findById(customerId);
                    Meta meta = before.map(b -> b.meta().touched(now, access.actor().id()))
                            .orElseGet(() -> Meta.created(now, access.actor().id()));
                    DoNotContact next = new DoNotContact(customerId, everything, set, source, meta);
                    engine.guard(before.orElse(null), next, customerId);
                    return engine.store.doNotContact().save(next);
                });
    }

    @Override
    public Optional<DoNotContact> doNotContact(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.doNotContact().findById(customerId);
    }

    /** The record if its customer is visible; hidden and absent look the same and name only the id asked for. */
    private ConsentRecord visible(ConsentId id) {
        return engine.store.consents().findById(id).filter(c -> access.visible(c.customerId()).isPresent())
                .orElseThrow(() -> new NotFoundException("Consent", id.value()));
    }

    /** Stores keep microseconds; the record must read back equal to what was saved. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}

package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactPolicy;
import io.crmkit.core.ContactPolicyService;
import io.crmkit.core.consent.ContactReason;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.ContactRules;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.Violation;
import io.crmkit.core.governance.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** {@link ContactPolicyService} over the store; logging goes through the write pipeline. Thread-safe. */
final class ContactPolicyServiceImpl implements ContactPolicyService {
    private final Engine engine;
    private final Access access;
    private final ContactDecider decider;

    ContactPolicyServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.decider = new ContactDecider(access);
    }

    @Override
    public ContactRules rules() {
        return engine.contactRules;
    }

    @Override
    public ContactDecision decide(ContactRequest request) {
        Instant at = instant(request, java.time.Duration.ofDays(366));
        Customer customer = access.requireVisible(request.customerId());
        return decider.decide(customer, request, at);
    }

    @Override
    public ContactAttempt attempt(ContactRequest request) {
        Instant at = instant(request, InteractionServiceImpl.FUTURE_TOLERANCE);
        return engine.write(access, Operation.CONTACT_RECORD, "ContactAttempt", null,
                Call.of("contactPolicy", "attempt", request), null, request, () -> log(request, at));
    }

    /** Inside a write: decide for a writable customer and log the outcome. */
    private ContactAttempt log(ContactRequest request, Instant at) {
        Customer customer = access.requireWritable(Operation.CONTACT_RECORD, request.customerId());
        ContactDecision decision = decider.decide(customer, request, at);
        ContactAttempt entry = decider.entry(request, decision, at, request.reference());
        engine.guard(null, entry, customer.id());
        return engine.store.contactLog().save(entry);
    }

    @Override
    public List<ContactAttempt> attemptAll(List<ContactRequest> requests) {
        List<ContactRequest> list = Check.list(requests, "requests");
        Check.that(list.size() <= MAX_BATCH, "requests", "Size", "must have at most " + MAX_BATCH + " entries");
        List<Instant> at = new ArrayList<>(list.size());
        for (ContactRequest r : list) {
            at.add(instant(r, InteractionServiceImpl.FUTURE_TOLERANCE));
        }
        return engine.write(access, Operation.CONTACT_RECORD, "ContactAttempt", null,
                Call.of("contactPolicy", "attemptAll", list), null, list.size(), () -> {
                    List<ContactAttempt> out = new ArrayList<>(list.size());
                    for (int i = 0; i < list.size(); i++) {
                        ContactRequest r = list.get(i);
                        Optional<Customer> visible = access.visible(r.customerId());
                        if (visible.isEmpty()) {
                            out.add(decider.entry(r, new ContactDecision.Deny(ContactReason.UNKNOWN_CUSTOMER,
                                    "no such customer in scope"), at.get(i), r.reference()));
                            continue;
                        }
                        out.add(log(r, at.get(i)));
                    }
                    return out;
                });
    }

    @Override
    public ContactPolicy prepare(Collection<CustomerId> customers) {
        Check.notNull(customers, "customers");
        Check.that(customers.size() <= MAX_PREPARE, "customers", "Size", "must have at most " + MAX_PREPARE + " entries");
        List<CustomerId> ids = new ArrayList<>(new LinkedHashSet<>(customers));
        for (CustomerId id : ids) {
            Check.notNull(id, "customers");
        }
        return decider.prepare(ids, engine.now());
    }

    @Override
    public List<ContactAttempt> contactLog(CustomerId customerId, Instant from, Instant to) {
        Check.notNull(customerId, "customerId");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.that(to.isAfter(from), "to", "AfterFrom", "must be after from");
        access.requireVisible(customerId);
        return engine.store.contactLog().findByCustomer(customerId, from, to);
    }

    /** The request's instant (or now), to the microsecond, checked to be plausible. */
    private Instant instant(ContactRequest request, java.time.Duration ahead) {
        Check.notNull(request, "request");
        List<Violation> v = new ArrayList<>();
        plausible(request.at(), engine.now().plus(ahead), "at", v);
        throwIfAny(v);
        return request.at() == null ? engine.now() : request.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

package io.crmkit.core.internal;

import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactOutcome;
import io.crmkit.core.consent.ContactPolicy;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.ConsentRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads what the contact policy needs from the store and builds {@link ContactPolicy} snapshots:
 * for one customer inside a write (seeing the transaction's own contacts), or for many in chunks.
 * Also makes the contact log entries. The one kernel is {@code ContactPolicy}'s. Thread-safe.
 */
final class ContactDecider {
    /** The far end of "every later contact" for log queries (every store keeps this instant). */
    static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private final Engine engine;
    private final Access access;

    ContactDecider(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    private Duration lookback() {
        return engine.contactRules.longestWindow().orElse(Duration.ZERO);
    }

    /** The decision for one visible customer at {@code at}, reading the store (inside a write: its own writes too). */
    ContactDecision decide(Customer customer, ContactRequest request, Instant at) {
        CustomerId id = customer.id();
        // by natural key, which sees the running transaction's own writes
        io.crmkit.core.consent.ContactPointKind kind = io.crmkit.core.consent.ContactPointKind.of(request.channel());
        List<ConsentRecord> fresh = kind == null ? List.of()
                : engine.store.consents().find(id, kind, request.purpose()).map(List::of).orElse(List.of());
        DoNotContact flags = engine.store.doNotContact().findById(id).orElse(null);
        List<ContactAttempt> log = engine.store.contactLog().findByCustomer(id, at.minus(lookback()), FAR);
        ContactPolicy policy = ContactPolicy.builder(engine.contactRules, engine.zone, at)
                .customer(customer, fresh, flags, log).build();
        return policy.decide(request.customerId(), request.channel(), request.purpose(), request.department(), at);
    }

    /** A snapshot for the visible ones of {@code customers} as of {@code asOf}. */
    ContactPolicy prepare(List<CustomerId> customers, Instant asOf) {
        ContactPolicy.Builder b = ContactPolicy.builder(engine.contactRules, engine.zone, asOf);
        for (int from = 0; from < customers.size(); from += ConsentRepository.MAX_BATCH) {
            List<CustomerId> chunk = customers.subList(from, Math.min(customers.size(), from + ConsentRepository.MAX_BATCH));
            List<Customer> seen = new ArrayList<>(chunk.size());
            for (CustomerId id : chunk) {
                access.visible(id).ifPresent(seen::add);
            }
            add(b, seen, asOf);
        }
        return b.build();
    }

    /**
     * A snapshot for {@code visible}, customers the caller has already read and judged visible (a
     * push plan reads them in batches anyway), as of {@code asOf}: as {@link #prepare(List, Instant)}
     * without reading them again.
     */
    ContactPolicy prepareRead(List<Customer> visible, Instant asOf) {
        ContactPolicy.Builder b = ContactPolicy.builder(engine.contactRules, engine.zone, asOf);
        for (int from = 0; from < visible.size(); from += ConsentRepository.MAX_BATCH) {
            add(b, visible.subList(from, Math.min(visible.size(), from + ConsentRepository.MAX_BATCH)), asOf);
        }
        return b.build();
    }

    /** Adds one chunk of visible customers with their consents, flags and contact log, each read in one batch. */
    private void add(ContactPolicy.Builder b, List<Customer> seen, Instant asOf) {
        if (seen.isEmpty()) {
            return;
        }
        List<CustomerId> ids = new ArrayList<>(seen.size());
        for (Customer c : seen) {
            ids.add(c.id());
        }
        Map<CustomerId, List<ConsentRecord>> consents = new HashMap<>();
        engine.store.consents().findByCustomers(ids).forEach(c -> consents.computeIfAbsent(c.customerId(),
                k -> new ArrayList<>()).add(c));
        Map<CustomerId, DoNotContact> flags = new HashMap<>();
        engine.store.doNotContact().findByCustomers(ids).forEach(d -> flags.put(d.id(), d));
        Map<CustomerId, List<ContactAttempt>> logs = new HashMap<>();
        engine.store.contactLog().findCarriedOut(ids, asOf.minus(lookback())).forEach(a -> logs.computeIfAbsent(a.customerId(),
                k -> new ArrayList<>()).add(a));
        for (Customer c : seen) {
            b.customer(c, consents.getOrDefault(c.id(), List.of()), flags.get(c.id()),
                    logs.getOrDefault(c.id(), List.of()));
        }
    }

    /** The log entry for {@code decision} on {@code request} at {@code at}. */
    ContactAttempt entry(ContactRequest request, ContactDecision decision, Instant asked, @Nullable String reference) {
        Instant at = asked.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        OrgUnitId department = request.department() != null ? request.department() : access.actor().orgUnit();
        Instant now = engine.now();
        Instant until = decision instanceof ContactDecision.Defer d ? d.until().truncatedTo(java.time.temporal.ChronoUnit.MICROS) : null;
        return new ContactAttempt(ContactAttemptId.of(engine.newId("ContactAttempt")), request.customerId(),
                request.channel(), request.purpose(), department, at,
                decision.allowed() ? ContactOutcome.CARRIED_OUT : ContactOutcome.REFUSED, decision.reason(),
                until != null && until.isAfter(at) ? until : null, reference, Meta.created(now, access.actor().id()));
    }
}

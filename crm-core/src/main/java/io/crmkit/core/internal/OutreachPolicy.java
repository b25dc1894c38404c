package io.crmkit.core.internal;

import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactPolicy;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The contact policy as campaigns and pushes use it: one {@link ContactPolicy} snapshot prepared for
 * all recipients at once (the policy's bulk decision API: consents, do-not-contact flags and the
 * contact log read in chunks), then one allocation-free decision per recipient. A closed customer
 * is refused before the policy is asked ({@code CUSTOMER_CLOSED}): no campaign or push goes to a
 * closed relationship. Contacts made are written to the contact log, so they count towards the
 * firm-wide caps of every later decision. Not thread-safe (one per launch or plan).
 */
final class OutreachPolicy {
    /** The reason code of a refusal to contact a closed customer. */
    static final String CLOSED = "CUSTOMER_CLOSED";

    private final Engine engine;
    private final ContactDecider decider;
    private final ContactPolicy snapshot;

    private OutreachPolicy(Access access, ContactPolicy snapshot) {
        this.engine = access.engine();
        this.decider = new ContactDecider(access);
        this.snapshot = snapshot;
    }

    /**
     * Prepares the policy for {@code customers} as of now: customers the caller has read and judged
     * visible (they are not read again).
     */
    static OutreachPolicy prepare(Access access, List<Customer> customers) {
        return prepare(access, customers, access.engine().now());
    }

    /** As {@link #prepare(Access, List)}, as of {@code asOf} (a job preparing several snapshots gives them one instant). */
    static OutreachPolicy prepare(Access access, List<Customer> customers, Instant asOf) {
        return new OutreachPolicy(access, new ContactDecider(access).prepareRead(customers, asOf));
    }

    /** The decision for contacting {@code c} on {@code channel} for {@code purpose} at {@code at}. */
    ContactDecision decide(Customer c, Channel channel, ConsentPurpose purpose, Instant at) {
        if (c.lifecycle() == LifecycleStage.CLOSED) {
            return null;
        }
        return snapshot.decide(c.id(), channel, purpose, null, at);
    }

    /** The reason code of a decision that is not an allow ({@link #CLOSED} for {@code null}). */
    static String reason(ContactDecision d) {
        return d == null ? CLOSED : d.reason().name();
    }

    /** Logs the contact (carried out when allowed, else refused with its reason), inside the caller's write. */
    void log(CustomerId customer, Channel channel, ConsentPurpose purpose, ContactDecision decision, Instant at, String reference) {
        if (decision == null) {
            return; // refused before the policy was asked: nothing for the contact log's caps
        }
        ContactRequest request = ContactRequest.of(customer, channel, purpose).at(at).reference(reference);
        engine.store.contactLog().save(decider.entry(request, decision, at, reference));
    }

    /** Logs a contact carried out (a push delivered), inside the caller's write. */
    static void log(Engine engine, Access access, CustomerId customer, Channel channel, ConsentPurpose purpose, Instant at,
            String reference) {
        ContactRequest request = ContactRequest.of(customer, channel, purpose).at(at).reference(reference);
        engine.store.contactLog().save(new ContactDecider(access).entry(request, ContactDecision.ALLOW, at, reference));
    }

    /** The zone a customer's local times are read in: their own, else the rules' firm zone, else the Crm's zone. */
    ZoneId zoneOf(Customer c) {
        if (c.profile().timeZone() != null) {
            return c.profile().timeZone();
        }
        return engine.contactRules.firmZone() != null ? engine.contactRules.firmZone() : engine.zone;
    }

    /** The contact point type a channel needs; {@code null} for channels that reach the customer in the app or in person. */
    static io.crmkit.core.customer.@org.jspecify.annotations.Nullable ContactPointType pointType(Channel channel) {
        return switch (channel) {
            case SMS, PHONE, CALL_CENTRE -> io.crmkit.core.customer.ContactPointType.PHONE;
            case EMAIL -> io.crmkit.core.customer.ContactPointType.EMAIL;
            case LETTER -> io.crmkit.core.customer.ContactPointType.POSTAL;
            default -> null;
        };
    }
}

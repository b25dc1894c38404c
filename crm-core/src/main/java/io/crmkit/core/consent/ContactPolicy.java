package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contact policy's one decision point, prepared once for a set of customers and then asked
 * per customer without touching the store: (customer, channel, purpose, department, instant) →
 * {@link ContactDecision}. The services build one per decision (for one customer); campaigns and
 * pushes prepare one for all their recipients ({@code ContactPolicyService.prepare}) and decide
 * for each from flat in-memory rows (about 1.5× a plain {@code HashMap} lookup; see benchmarks/README.md).
 *
 * <p>A decision applies, in this order, the checks the purpose is not exempt from
 * ({@link ContactRules#exemptions()}): do-not-contact (whole customer, then channel); consent for
 * the channel's {@linkplain ContactPointKind contact point} and the purpose (none, refused, pending,
 * withdrawn or expired deny; not yet effective defers); then the earliest instant from the one
 * asked about at which every frequency cap has room and it is not quiet hours in the customer's
 * zone. That instant is the one asked about: {@link ContactDecision#ALLOW}; later, but before the
 * consent ends: {@link ContactDecision.Defer} until it, with the reason that held the contact back
 * first (consent not yet effective, then caps, then quiet hours); never: {@link ContactDecision.Deny}
 * ({@link ContactReason#NO_TIME_BEFORE_CONSENT_ENDS}). Customers not prepared are denied
 * ({@link ContactReason#UNKNOWN_CUSTOMER}). The department does not change the answer (the caps
 * count contacts firm-wide); it is part of the question so that the contact is logged with it.
 * Decisions are a pure function of the prepared data and the instant asked about: deterministic.
 *
 * <p>The consents a decision reads are the customer's consent records and, for contact points
 * that carry them, the consents embedded in the customer record ({@link ContactPoint#consents()});
 * per contact point kind and purpose the most recently captured one counts. A snapshot sees the
 * contact log as it was prepared: contacts logged later count only in snapshots prepared later.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactPolicy {
    private static final int MAX_STEPS = 100_000;
    static final long DAY_MICROS = 86_400_000_000L;
    private static final int PURPOSES = ConsentPurpose.values().length;

    private final ContactRules rules;
    private final Instant asOf;
    private final PolicyRows rows;
    private final ZoneClock[] zones;
    private final PolicyKernel kernel;

    private ContactPolicy(ContactRules rules, Instant asOf, PolicyRows rows, ZoneClock[] zones, PolicyKernel kernel) {
        this.rules = rules;
        this.asOf = asOf;
        this.rows = rows;
        this.zones = zones;
        this.kernel = kernel;
    }

    /**
     * A builder for a policy snapshot under {@code rules}; customers without a zone of their own use
     * {@code firmZone} (unless the rules name one), and requests without an instant are decided as of
     * {@code asOf}.
     */
    public static Builder builder(ContactRules rules, ZoneId firmZone, Instant asOf) {
        return new Builder(Check.notNull(rules, "rules"), Check.notNull(firmZone, "firmZone"),
                Check.notNull(asOf, "asOf"));
    }

    /** The rules it applies. */
    public ContactRules rules() {
        return rules;
    }

    /** The instant used for requests that name none. */
    public Instant asOf() {
        return asOf;
    }

    /** How many customers it was prepared for. */
    public int size() {
        return rows.size();
    }

    /** Whether it was prepared for {@code customer}. */
    public boolean covers(CustomerId customer) {
        return rows.row(Check.notNull(customer, "customerId")) >= 0;
    }

    /**
     * The decision for {@code request} (its instant, or {@link #asOf()}).
     *
     * @throws io.crmkit.core.error.ValidationException on a null request
     */
    public ContactDecision decide(ContactRequest request) {
        Check.notNull(request, "request");
        return decide(request.customerId(), request.channel(), request.purpose(), request.department(),
                request.at() == null ? asOf : request.at());
    }

    /**
     * The decision for contacting {@code customer} on {@code channel} for {@code purpose} from
     * {@code department} at {@code at}. Allocates nothing when the answer is allow.
     *
     * @throws io.crmkit.core.error.ValidationException on a null argument (other than the department)
     */
    public ContactDecision decide(CustomerId customer, Channel channel, ConsentPurpose purpose,
            @Nullable OrgUnitId department, Instant at) {
        if (customer == null || channel == null || purpose == null || at == null) {
            Check.notNull(customer, "customerId");
            Check.notNull(channel, "channel");
            Check.notNull(purpose, "purpose");
            Check.notNull(at, "at");
        }
        return kernel.decide(rows, zones, rows.row(customer), channel, purpose, PolicyKernel.micros(at));
    }

    @Override
    public String toString() {
        return "ContactPolicy[customers=" + rows.size() + ", asOf=" + asOf + "]";
    }

    /** Collects the customers of a {@link ContactPolicy}; not thread-safe. */
    public static final class Builder {
        private final ContactRules rules;
        private final ZoneId firmZone;
        private final Instant asOf;
        private final PolicyRows.Appender rows = new PolicyRows.Appender();
        /** Scratch for one customer at a time: its consents by kind and purpose, its carried-out contacts. */
        private final ConsentFact[] best = new ConsentFact[ContactPointKind.values().length * PURPOSES];
        private final List<ContactAttempt> done = new ArrayList<>();
        private final Map<ZoneRules, Integer> zoneIndex = new HashMap<>();
        private final Map<ZoneId, Integer> zoneById = new HashMap<>();
        private final List<ZoneRules> zones = new ArrayList<>();

        private Builder(ContactRules rules, ZoneId firmZone, Instant asOf) {
            this.rules = rules;
            this.firmZone = rules.firmZone() != null ? rules.firmZone() : firmZone;
            this.asOf = asOf;
        }

        /**
         * Adds a customer from its record (its zone and the consents embedded in its contact points),
         * its consent records, its do-not-contact flags and its logged contacts (only carried-out ones
         * count; the rest are ignored). Adding a customer again replaces it.
         */
        public Builder customer(Customer customer, Collection<ConsentRecord> consents, @Nullable DoNotContact flags,
                Collection<ContactAttempt> contacts) {
            Check.notNull(customer, "customer");
            return customer(customer.id(), customer.profile().timeZone(), customer.contactPoints(), consents, flags,
                    contacts);
        }

        /**
         * Adds a customer from its parts: its own zone ({@code null} for the firm's), the contact points
         * whose embedded consents count, its consent records, flags and logged contacts.
         */
        public Builder customer(CustomerId id, @Nullable ZoneId zone, List<ContactPoint> points,
                Collection<ConsentRecord> consents, @Nullable DoNotContact flags, Collection<ContactAttempt> contacts) {
            Check.notNull(id, "customerId");
            Check.notNull(points, "points");
            Check.notNull(consents, "consents");
            Check.notNull(contacts, "contacts");
            int n = facts(id, points, consents);
            done.clear();
            for (ContactAttempt a : contacts) {
                if (a.carriedOut() && a.customerId().equals(id)) {
                    done.add(a);
                }
            }
            done.sort((a, b) -> a.at().compareTo(b.at()));
            boolean own = flags != null && flags.id().equals(id);
            int mask = 0;
            if (own) {
                for (Channel c : flags.channels()) {
                    mask |= 1 << c.ordinal();
                }
            }
            int zoneIndex = zone(zone == null ? firmZone : zone);
            int row = rows.add(id, PolicyRows.HEADER + PolicyRows.FACT * n + 2 * done.size());
            long[] d = rows.data();
            d[row] = PolicyRows.header(zoneIndex, own && flags.everything(), mask, n);
            d[row + 1] = done.size();
            int at = row + PolicyRows.HEADER;
            for (ConsentFact f : best) {
                if (f != null) {
                    d[at] = PolicyRows.factMeta(f.kind, f.purpose, f.status, f.endsByWithdrawal);
                    d[at + 1] = f.from;
                    d[at + 2] = f.until;
                    at += PolicyRows.FACT;
                }
            }
            for (int i = 0; i < done.size(); i++) {
                ContactAttempt a = done.get(i);
                d[at + i] = PolicyKernel.micros(a.at());
                d[at + done.size() + i] = a.purpose().ordinal() | a.channel().ordinal() << 8;
            }
            return this;
        }

        /**
         * Fills {@link #best} with, per contact point kind and purpose, the most recently captured
         * consent, records and embedded alike; returns how many there are.
         */
        private int facts(CustomerId id, List<ContactPoint> points, Collection<ConsentRecord> consents) {
            Arrays.fill(best, null);
            for (ContactPoint p : points) {
                ContactPointKind kind = ContactPointKind.of(p.type());
                for (Consent c : p.consents()) {
                    put(best, ConsentFact.of(kind, c));
                }
            }
            for (ConsentRecord r : consents) {
                if (r.customerId().equals(id)) {
                    put(best, ConsentFact.of(r));
                }
            }
            int n = 0;
            for (ConsentFact f : best) {
                n += f == null ? 0 : 1;
            }
            return n;
        }

        /** Keeps the later capture; on a tie the consent record (added last) wins. */
        private static void put(ConsentFact[] best, ConsentFact f) {
            int slot = f.kind * PURPOSES + f.purpose;
            if (best[slot] == null || f.capturedAt >= best[slot].capturedAt) {
                best[slot] = f;
            }
        }

        /** The index of {@code zone}'s rules among the snapshot's zones, added if new. */
        private int zone(ZoneId zone) {
            // by id first: ZoneRules.hashCode hashes every transition on each call
            Integer known = zoneById.get(zone);
            if (known != null) {
                return known;
            }
            ZoneRules r = zone.getRules();
            Integer i = zoneIndex.get(r);
            if (i == null) {
                Check.that(zones.size() <= 0xFFFF, "customers", "Zones", "must use at most 65,536 time zones");
                i = zones.size();
                zoneIndex.put(r, i);
                zones.add(r);
            }
            zoneById.put(zone, i);
            return i;
        }

        public ContactPolicy build() {
            PolicyKernel kernel = new PolicyKernel(rules);
            long asOfSecond = asOf.getEpochSecond();
            ZoneClock[] clocks = new ZoneClock[zones.size()];
            for (int i = 0; i < clocks.length; i++) {
                clocks[i] = new ZoneClock(zones.get(i), rules.quietHours() == null ? null : rules.quietHours().end(),
                        asOfSecond);
            }
            return new ContactPolicy(rules, asOf, rows.build(), clocks, kernel);
        }
    }

    /** One consent as the kernel reads it: micros since the epoch, {@code Long.MAX_VALUE} for "never". */
    static final class ConsentFact {
        final byte kind;
        final byte purpose;
        final ConsentStatus status;
        final long capturedAt;
        /** When it starts to permit contact; {@code Long.MAX_VALUE} if it never was granted. */
        final long from;
        /** When it stops (exclusive); {@code Long.MAX_VALUE} for never. */
        final long until;
        /** Whether {@code until} is the withdrawal (rather than the end of the effective period). */
        final boolean endsByWithdrawal;

        private ConsentFact(ContactPointKind kind, ConsentPurpose purpose, ConsentStatus status, long capturedAt,
                long from, long until, boolean endsByWithdrawal) {
            this.kind = (byte) kind.ordinal();
            this.purpose = (byte) purpose.ordinal();
            this.status = status;
            this.capturedAt = capturedAt;
            this.from = from;
            this.until = until;
            this.endsByWithdrawal = endsByWithdrawal;
        }

        static ConsentFact of(ConsentRecord r) {
            Instant from = r.activeFrom();
            Instant until = r.activeUntil();
            boolean byWithdrawal = r.withdrawnAt() != null && r.withdrawnAt().equals(until);
            return new ConsentFact(r.point(), r.purpose(), r.status(), PolicyKernel.micros(r.capturedAt()),
                    from == null ? Long.MAX_VALUE : PolicyKernel.micros(from),
                    until == null ? Long.MAX_VALUE : PolicyKernel.micros(until), byWithdrawal);
        }

        /** A consent embedded in the customer record: a grant is effective from its capture, open-ended. */
        static ConsentFact of(ContactPointKind kind, Consent c) {
            long at = PolicyKernel.micros(c.capturedAt());
            boolean granted = c.status() == ConsentStatus.GRANTED;
            return new ConsentFact(kind, c.purpose(), c.status(), at, granted ? at : Long.MAX_VALUE, Long.MAX_VALUE,
                    false);
        }
    }

    static int maxSteps() {
        return MAX_STEPS;
    }
}

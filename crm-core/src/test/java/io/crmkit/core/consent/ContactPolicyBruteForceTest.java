package io.crmkit.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contact policy against a brute-force reference written separately here: for random rules,
 * customers (zones with daylight saving, 30-minute shifts and none), consents, flags and contact
 * logs, thousands of random decisions must agree with a scan that tries every minute from the
 * instant asked about, counting the log and reading the local time afresh at each one. Times are
 * whole minutes, so the earliest allowed instant is always a whole minute. Seeded: a failure names
 * the seed and the decision.
 */
@DisplayName("The contact policy agrees with a brute-force minute scan over random schedules")
class ContactPolicyBruteForceTest {
    private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
        ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"),
        ZoneId.of("Europe/London")};
    /** Early March to late April 2026: the spring-forward gaps of New York (8 March) and London (29 March), Lord Howe's fall back (5 April). */
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final long SPAN_MINUTES = 52L * 24 * 60;
    private static final ConsentPurpose[] PURPOSES = ConsentPurpose.values();
    private static final Channel[] CHANNELS = Channel.values();

    @Test
    @DisplayName("3,000 random decisions over 300 random worlds give the same allow, deny reason and defer instant")
    void agreesWithTheReference() {
        long seed = 20261202L;
        Random random = new Random(seed);
        int decisions = 0;
        Map<String, Integer> outcomes = new HashMap<>();
        for (int world = 0; world < 300; world++) {
            World w = World.random(random);
            ContactPolicy policy = w.policy();
            for (int i = 0; i < 10; i++) {
                Customer c = w.customers.get(random.nextInt(w.customers.size()));
                FrequencyCap aimed = w.rules.caps().get(random.nextInt(w.rules.caps().size()));
                List<Channel> capped = new ArrayList<>(aimed.channels());
                Channel channel = capped.isEmpty() || random.nextInt(3) == 0 ? CHANNELS[random.nextInt(CHANNELS.length)]
                        : capped.get(random.nextInt(capped.size()));
                ConsentPurpose purpose = random.nextInt(4) == 0 ? PURPOSES[random.nextInt(PURPOSES.length)] : aimed.purpose();
                Instant at = w.nearSomething(random, c);
                ContactDecision actual = policy.decide(c.id, channel, purpose, null, at);
                String expected = w.reference(c, channel, purpose, at);
                assertThat(describe(actual)).as("seed %d world %d decision %d: %s %s %s at %s in %s", seed, world, i, c.id,
                        channel, purpose, at, c.zone).isEqualTo(expected);
                outcomes.merge(expected.replaceAll(" .*", ""), 1, Integer::sum);
                decisions++;
            }
        }
        assertThat(decisions).isEqualTo(3_000);
        // the schedules reach every kind of answer, so the agreement means something
        assertThat(outcomes.keySet()).contains("ALLOW", "DEFER:FREQUENCY_CAP", "DEFER:QUIET_HOURS",
                "DEFER:CONSENT_NOT_YET_EFFECTIVE", "DENY:NO_CONSENT", "DENY:DO_NOT_CONTACT", "DENY:CONSENT_WITHDRAWN",
                "DENY:CONSENT_EXPIRED", "DENY:CONSENT_PENDING");
        assertThat(outcomes.get("ALLOW")).as("%s", outcomes).isGreaterThan(300);
        assertThat(outcomes.get("DEFER:FREQUENCY_CAP") + outcomes.get("DEFER:QUIET_HOURS")).as("%s", outcomes).isGreaterThan(200);
    }

    private static String describe(ContactDecision d) {
        if (d instanceof ContactDecision.Defer defer) {
            return "DEFER:" + defer.reason() + " " + defer.until();
        }
        return d.allowed() ? "ALLOW" : "DENY:" + d.reason();
    }

    private static Instant minute(long m) {
        return START.plusSeconds(60 * m);
    }

    /** One customer of a world, with its own copy of the data the reference scans. */
    record Customer(CustomerId id, ZoneId zone, Map<String, ConsentRecord> consents, boolean dncAll, Set<Channel> dncChannels,
            List<ContactAttempt> log) {}

    /** Random rules, customers, consents, flags and logs. */
    static final class World {
        ContactRules rules;
        final List<Customer> customers = new ArrayList<>();

        static World random(Random r) {
            World w = new World();
            ContactRules.Builder b = ContactRules.custom();
            int caps = 1 + r.nextInt(3);
            for (int i = 0; i < caps; i++) {
                ConsentPurpose p = new ConsentPurpose[] {ConsentPurpose.MARKETING, ConsentPurpose.SURVEY,
                    ConsentPurpose.RESEARCH}[r.nextInt(3)];
                Set<Channel> chans = r.nextBoolean() ? Set.of() : randomChannels(r, 1 + r.nextInt(3));
                b.cap(new FrequencyCap(p, chans, 1 + r.nextInt(3), Duration.ofMinutes(30 + r.nextInt(24 * 60))));
            }
            if (r.nextInt(5) > 0) {
                // half-hour steps, so ends fall into spring-forward gaps (02:00-03:00) and repeated hours
                LocalTime start = LocalTime.of(r.nextInt(24), 30 * r.nextInt(2));
                LocalTime end = start.plusMinutes(30 + 30L * r.nextInt(24));
                if (r.nextInt(3) == 0) {
                    // quiet hours that end inside a daylight-saving change (gap or repeated hour)
                    end = new LocalTime[] {LocalTime.of(2, 30), LocalTime.of(2, 0), LocalTime.of(1, 30), LocalTime.of(1, 45)}[r.nextInt(4)];
                    start = end.minusHours(1 + r.nextInt(10));
                }
                if (end.equals(start)) {
                    end = start.plusMinutes(30);
                }
                b.quietHours(new QuietHours(start, end, randomChannels(r, 1 + r.nextInt(6))));
            }
            for (ConsentPurpose p : PURPOSES) {
                if (r.nextInt(4) == 0) {
                    PolicyCheck[] all = PolicyCheck.values();
                    b.exempt(p, all[r.nextInt(all.length)], all[r.nextInt(all.length)]);
                }
            }
            w.rules = b.build();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                w.customers.add(randomCustomer(r, i, w.rules));
            }
            return w;
        }

        private static Set<Channel> randomChannels(Random r, int n) {
            EnumSet<Channel> out = EnumSet.noneOf(Channel.class);
            for (int i = 0; i < n; i++) {
                out.add(CHANNELS[r.nextInt(CHANNELS.length)]);
            }
            return out;
        }

        private static Customer randomCustomer(Random r, int i, ContactRules rules) {
            CustomerId id = CustomerId.of("c" + i);
            Map<String, ConsentRecord> consents = new HashMap<>();
            for (ContactPointKind k : ContactPointKind.values()) {
                for (ConsentPurpose p : PURPOSES) {
                    if (r.nextInt(6) > 0) {
                        consents.put(k + "/" + p, randomConsent(r, id, k, p));
                    }
                }
            }
            boolean dncAll = r.nextInt(25) == 0;
            Set<Channel> dncChannels = r.nextInt(8) == 0 ? randomChannels(r, 1 + r.nextInt(2)) : Set.of();
            List<ContactAttempt> log = new ArrayList<>();
            int entries = r.nextInt(16);
            for (int e = 0; e < entries; e++) {
                long m = r.nextLong(SPAN_MINUTES);
                // mostly what a cap counts, so the caps bite; now and then something no cap counts
                FrequencyCap counted = rules.caps().get(r.nextInt(rules.caps().size()));
                ConsentPurpose p = r.nextInt(5) == 0 ? ConsentPurpose.SERVICE : counted.purpose();
                List<Channel> capChannels = new ArrayList<>(counted.channels());
                boolean done = r.nextInt(6) > 0;
                // bursts: several contacts close together, so the caps bite
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    Instant at = minute(m + k * (long) r.nextInt(60));
                    Channel ch = capChannels.isEmpty() || r.nextInt(4) == 0 ? CHANNELS[r.nextInt(CHANNELS.length)]
                            : capChannels.get(r.nextInt(capChannels.size()));
                    log.add(new ContactAttempt(ContactAttemptId.of("a" + log.size()), id, ch,
                            p, null, at, done ? ContactOutcome.CARRIED_OUT : ContactOutcome.REFUSED,
                            done ? null : ContactReason.FREQUENCY_CAP, null, null, Meta.created(at, "test")));
                }
            }
            return new Customer(id, ZONES[r.nextInt(ZONES.length)], consents, dncAll, dncChannels, log);
        }

        private static ConsentRecord randomConsent(Random r, CustomerId id, ContactPointKind k, ConsentPurpose p) {
            long captured = r.nextInt(4) == 0 ? r.nextLong(SPAN_MINUTES) : r.nextLong(5L * 24 * 60);
            Instant cap = minute(captured);
            Instant from = r.nextInt(10) < 7 ? cap : minute(captured + r.nextInt(3 * 24 * 60) - 24 * 60);
            Instant until = r.nextInt(3) == 0 ? from.plusSeconds(60L * (1 + r.nextInt(10 * 24 * 60))) : null;
            Meta meta = Meta.created(cap, "test");
            ConsentId cid = ConsentId.of(id.value() + "-" + k + "-" + p);
            return switch (r.nextInt(10)) {
                case 0 -> new ConsentRecord(cid, id, k, p, ConsentStatus.PENDING, "t:src", cap, from, until, true, null, null,
                        null, meta);
                case 1 -> new ConsentRecord(cid, id, k, p, ConsentStatus.DENIED, "t:src", cap, from, until, false, null, null,
                        null, meta);
                case 2 -> new ConsentRecord(cid, id, k, p, ConsentStatus.GRANTED, "t:src", cap, from, until, false, cap, null,
                        null, meta).withdrawn(cap.plusSeconds(60L * r.nextInt(5 * 24 * 60)), "t:via");
                case 3 -> new ConsentRecord(cid, id, k, p, ConsentStatus.GRANTED, "t:src", cap, from, until, true,
                        cap.plusSeconds(60L * r.nextInt(2 * 24 * 60)), null, null, meta);
                default -> new ConsentRecord(cid, id, k, p, ConsentStatus.GRANTED, "t:src", cap, from, until, false, cap, null,
                        null, meta);
            };
        }

        ContactPolicy policy() {
            ContactPolicy.Builder b = ContactPolicy.builder(rules, ZoneId.of("UTC"), START);
            for (Customer c : customers) {
                DoNotContact flags = new DoNotContact(c.id, c.dncAll, c.dncChannels, "t:src", Meta.created(START, "test"));
                b.customer(c.id, c.zone, List.of(), c.consents.values(), flags, c.log);
            }
            return b.build();
        }

        /** An instant near a logged contact, a consent boundary or anywhere, whole minutes. */
        Instant nearSomething(Random r, Customer c) {
            int pick = r.nextInt(7);
            if (pick < 3 && !c.log.isEmpty()) {
                return c.log.get(r.nextInt(c.log.size())).at().plusSeconds(60L * (r.nextInt(240) - 60));
            }
            if (pick == 5 && !c.log.isEmpty()) {
                // exactly when a logged contact leaves a cap's window, or a minute before
                Duration w = rules.caps().get(r.nextInt(rules.caps().size())).window();
                return c.log.get(r.nextInt(c.log.size())).at().plus(w).minusSeconds(60L * r.nextInt(2));
            }
            if (pick == 6) {
                // just before a daylight-saving change of the customer's zone
                java.time.zone.ZoneOffsetTransition next = c.zone.getRules().nextTransition(START);
                if (next != null && next.getInstant().isBefore(minute(SPAN_MINUTES))) {
                    return next.getInstant().minusSeconds(60L * r.nextInt(6 * 60));
                }
            }
            if (pick == 3 && !c.consents.isEmpty()) {
                ConsentRecord rec = new ArrayList<>(c.consents.values()).get(r.nextInt(c.consents.size()));
                return rec.capturedAt().plusSeconds(60L * (r.nextInt(6 * 60) - 3 * 60));
            }
            return minute(r.nextLong(SPAN_MINUTES));
        }

        // ---- the reference: nothing shared with the kernel but the records ----

        String reference(Customer c, Channel channel, ConsentPurpose purpose, Instant at) {
            Set<PolicyCheck> skipped = rules.exemptions().getOrDefault(purpose, Set.of());
            if (!skipped.contains(PolicyCheck.DO_NOT_CONTACT)) {
                if (c.dncAll) {
                    return "DENY:DO_NOT_CONTACT";
                }
                if (c.dncChannels.contains(channel)) {
                    return "DENY:DO_NOT_CONTACT_CHANNEL";
                }
            }
            Instant from = at;
            Instant until = null;
            String kind = switch (channel) {
                case PHONE, CALL_CENTRE, SMS -> "PHONE";
                case EMAIL -> "EMAIL";
                case LETTER -> "POSTAL";
                case APP, WEB, CHAT -> "APP";
                case MEETING, BRANCH_VISIT -> null;
            };
            if (!skipped.contains(PolicyCheck.CONSENT) && kind != null) {
                ConsentRecord rec = c.consents.get(kind + "/" + purpose);
                if (rec == null) {
                    return "DENY:NO_CONSENT";
                }
                if (rec.grantedAt() == null) {
                    return switch (rec.status()) {
                        case PENDING -> "DENY:CONSENT_PENDING";
                        case WITHDRAWN -> "DENY:CONSENT_WITHDRAWN";
                        default -> "DENY:CONSENT_REFUSED";
                    };
                }
                Instant start = rec.grantedAt().isAfter(rec.effectiveFrom()) ? rec.grantedAt() : rec.effectiveFrom();
                until = rec.effectiveUntil();
                boolean byWithdrawal = false;
                if (rec.withdrawnAt() != null && (until == null || !rec.withdrawnAt().isAfter(until))) {
                    until = rec.withdrawnAt();
                    byWithdrawal = true;
                }
                Instant first = at.isAfter(start) ? at : start;
                if (until != null && !first.isBefore(until)) {
                    return byWithdrawal ? "DENY:CONSENT_WITHDRAWN" : "DENY:CONSENT_EXPIRED";
                }
                from = first;
            }
            Instant latest = from;
            for (ContactAttempt a : c.log) {
                latest = a.at().isAfter(latest) ? a.at() : latest;
            }
            Instant horizon = latest.plus(Duration.ofDays(3));
            for (Instant m = from; !m.isAfter(horizon); m = m.plusSeconds(60)) {
                if (until != null && !m.isBefore(until)) {
                    return "DENY:NO_TIME_BEFORE_CONSENT_ENDS";
                }
                if (capsHaveRoom(c, channel, purpose, m, skipped) && !quiet(c, channel, m, skipped)) {
                    if (m.equals(at)) {
                        return "ALLOW";
                    }
                    String why = from.isAfter(at) ? "CONSENT_NOT_YET_EFFECTIVE"
                            : !capsHaveRoom(c, channel, purpose, at, skipped) ? "FREQUENCY_CAP" : "QUIET_HOURS";
                    return "DEFER:" + why + " " + m;
                }
            }
            throw new AssertionError("the reference found no allowed minute before its horizon");
        }

        private boolean capsHaveRoom(Customer c, Channel channel, ConsentPurpose purpose, Instant m, Set<PolicyCheck> skipped) {
            if (skipped.contains(PolicyCheck.FREQUENCY_CAP)) {
                return true;
            }
            for (FrequencyCap cap : rules.caps()) {
                if (cap.purpose() != purpose || (!cap.channels().isEmpty() && !cap.channels().contains(channel))) {
                    continue;
                }
                Instant windowStart = m.minus(cap.window());
                int count = 0;
                for (ContactAttempt a : c.log) {
                    boolean matches = a.outcome() == ContactOutcome.CARRIED_OUT && a.purpose() == purpose
                            && (cap.channels().isEmpty() || cap.channels().contains(a.channel()));
                    if (matches && a.at().isAfter(windowStart) && !a.at().isAfter(m)) {
                        count++;
                    }
                }
                if (count >= cap.max()) {
                    return false;
                }
            }
            return true;
        }

        private boolean quiet(Customer c, Channel channel, Instant m, Set<PolicyCheck> skipped) {
            QuietHours q = rules.quietHours();
            if (q == null || skipped.contains(PolicyCheck.QUIET_HOURS) || !q.channels().contains(channel)) {
                return false;
            }
            LocalTime local = m.atZone(c.zone).toLocalTime();
            return q.start().isBefore(q.end()) ? !local.isBefore(q.start()) && local.isBefore(q.end())
                    : !local.isBefore(q.start()) || local.isBefore(q.end());
        }
    }
}

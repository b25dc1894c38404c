package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactOutcome;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.ContactReason;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.ContactRules;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.consent.FrequencyCap;
import io.crmkit.core.consent.QuietHours;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.PlannedPush;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The push plan against the contact policy asked one customer at a time: a seeded book of 12,500
 * customers (more than one planning chunk and many store batches) with every kind of consent,
 * do-not-contact flags, contact-log entries that hit the caps, quiet hours that defer, closed and
 * hidden customers, subscriptions on several channels and two topics (some inactive), and
 * subscription ids whose order differs from the customers'. The plan must be exactly what the
 * per-customer decisions ({@code contactPolicy().decide}) give under the plan's documented rules.
 */
class PushPlanPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId FIRM = ZoneId.of("Asia/Shanghai");
    private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/London"),
        ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"), null};
    private static final List<String> TOPICS = List.of("macro", "morning-note");
    private static final int CUSTOMERS = 12_500;
    private static final ContactRules RULES = ContactRules.custom()
            .cap(FrequencyCap.of(ConsentPurpose.INFORMATION, 2, Duration.ofDays(1)))
            .cap(FrequencyCap.of(ConsentPurpose.INFORMATION, 1, Duration.ofHours(14), Channel.SMS))
            .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 45), Channel.SMS, Channel.APP))
            .build();

    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private final Meta meta = Meta.created(NOW.minus(Duration.ofDays(1)), "test");
    private final List<Customer> book = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    @Test
    @DisplayName("a seeded book's plan is what the contact policy decides for each subscriber, one at a time")
    void planMatchesPerCustomerDecisions() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int i = 0; i < CUSTOMERS; i++) {
            customer(rnd, i);
        }
        ContentItem note = store.contents().save(new ContentItem(ContentItemId.of("note-1"), ContentKind.MORNING_NOTE,
                "Morning note", Set.copyOf(TOPICS), Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-24T12:00:00Z"), meta));
        CrmSession job = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(FIRM).contactRules(RULES)
                .accessPolicy((actor, c) -> !c.id().value().endsWith("7")).build().as(Actor.system("morning-push"));

        PushPlan plan = job.information().plan(note.id(), PushSchedule.morningNote(DAY));

        PushPlan expected = oneByOne(job, note, PushSchedule.morningNote(DAY));
        assertThat(plan.pushes()).containsExactlyElementsOf(expected.pushes());
        assertThat(plan.refusals()).isEqualTo(expected.refusals());
        assertThat(plan.deferred()).isEqualTo(expected.deferred());
        // the book reaches every branch of the decision, so a wrong one shows
        assertThat(plan.refusals()).containsKeys("CUSTOMER_CLOSED", "DO_NOT_CONTACT", "DO_NOT_CONTACT_CHANNEL", "NO_CONSENT",
                "CONSENT_WITHDRAWN", "CONSENT_PENDING", "CONSENT_EXPIRED", "CONTENT_NOT_VALID");
        assertThat(plan.deferred()).isGreaterThan(100);
        assertThat(plan.pushes()).extracting(PlannedPush::channel).contains(PushChannel.values());
        assertThat(plan.pushes().size()).isGreaterThan(2_000);
    }

    /** The plan's rules over per-customer decisions, in customer id order. */
    private PushPlan oneByOne(CrmSession job, ContentItem note, PushSchedule schedule) {
        List<PlannedPush> pushes = new ArrayList<>();
        Map<String, Integer> refusals = new TreeMap<>();
        int deferred = 0;
        Map<CustomerId, Map<PushChannel, Subscription>> byCustomer = new TreeMap<>();
        for (Subscription s : subscriptions) {
            if (s.active() && note.topics().contains(s.topic())) {
                byCustomer.computeIfAbsent(s.customerId(), k -> new EnumMap<>(PushChannel.class))
                        .merge(s.channel(), s, (x, y) -> x.id().compareTo(y.id()) <= 0 ? x : y);
            }
        }
        List<Customer> sorted = new ArrayList<>(book);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        for (Customer c : sorted) {
            Map<PushChannel, Subscription> options = byCustomer.getOrDefault(c.id(), Map.of());
            if (options.isEmpty() || c.id().value().endsWith("7")) {
                continue; // not a subscriber, or hidden: not in the plan at all
            }
            Instant scheduled = schedule.in(c.profile().timeZone() != null ? c.profile().timeZone() : FIRM);
            String reason = note.validAt(scheduled) ? null : "CONTENT_NOT_VALID";
            PlannedPush chosen = null;
            for (Subscription s : reason == null ? options.values() : List.<Subscription>of()) {
                if (c.lifecycle() == LifecycleStage.CLOSED) {
                    reason = "CUSTOMER_CLOSED";
                    continue;
                }
                ContactDecision d = job.contactPolicy().decide(ContactRequest.of(c.id(), s.channel().channel(),
                        note.kind().purpose()).at(scheduled));
                Instant at = d instanceof ContactDecision.Defer defer ? defer.until() : scheduled;
                if ((d.allowed() || d instanceof ContactDecision.Defer) && note.validAt(at)) {
                    chosen = new PlannedPush(c.id(), s.id(), s.topic(), s.channel(), at);
                    break;
                }
                reason = d instanceof ContactDecision.Defer ? "CONTENT_NOT_VALID" : d.reason().name();
            }
            if (chosen == null) {
                refusals.merge(reason, 1, Integer::sum);
            } else {
                deferred += chosen.sendAt().equals(scheduled) ? 0 : 1;
                pushes.add(chosen);
            }
        }
        return new PushPlan(note.id(), pushes, refusals, deferred);
    }

    private void customer(SplittableRandom rnd, int i) {
        // ids in an order unrelated to the subscriptions' ids
        CustomerId id = CustomerId.of("c-" + Integer.toString(rnd.nextInt(1 << 30), 36) + "-" + i);
        Instant captured = NOW.minus(Duration.ofDays(1 + rnd.nextInt(300)));
        ContactPoint phone = ContactPoint.phone("+8613900" + (100_000 + i), "mobile", embedded(rnd, captured));
        ContactPoint email = ContactPoint.email("c" + i + "@example.com", "home", embedded(rnd, captured));
        LifecycleStage stage = rnd.nextInt(30) == 0 ? LifecycleStage.CLOSED : LifecycleStage.ACTIVE;
        Customer c = store.customers().save(new Customer(id, CustomerType.INDIVIDUAL, CustomerName.of("Customer " + i),
                List.of(), null, Profile.EMPTY.withTimeZone(ZONES[rnd.nextInt(ZONES.length)]), stage, List.of(),
                StaffId.of("rm-1"), OrgUnitId.of("br-1"), null, Set.of(), List.of(phone, email), Map.of(), meta));
        book.add(c);
        for (ContactPointKind kind : ContactPointKind.values()) {
            if (rnd.nextInt(kind == ContactPointKind.APP ? 2 : 6) == 0) {
                store.consents().save(record(rnd, id, kind, i));
            }
        }
        int flag = rnd.nextInt(40);
        if (flag < 2) {
            store.doNotContact().save(new DoNotContact(id, flag == 0, flag == 0 ? Set.of()
                    : Set.of(rnd.nextBoolean() ? Channel.SMS : Channel.EMAIL), "call-centre", meta));
        }
        for (int k = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0; k > 0; k--) {
            Channel ch = new Channel[] {Channel.SMS, Channel.EMAIL, Channel.APP}[rnd.nextInt(3)];
            boolean refused = rnd.nextInt(4) == 0;
            store.contactLog().save(new ContactAttempt(ContactAttemptId.of("a-" + i + "-" + k), id, ch,
                    ConsentPurpose.INFORMATION, null, NOW.minus(Duration.ofMinutes(rnd.nextInt(30 * 60))),
                    refused ? ContactOutcome.REFUSED : ContactOutcome.CARRIED_OUT, refused ? ContactReason.QUIET_HOURS : null,
                    null, null, meta));
        }
        for (String topic : TOPICS) {
            for (PushChannel ch : PushChannel.values()) {
                if (rnd.nextInt(3) == 0) {
                    Subscription s = store.subscriptions().save(new Subscription(
                            SubscriptionId.of("s-" + (CUSTOMERS - i) + "-" + topic + "-" + ch), id, topic, ch,
                            rnd.nextInt(8) != 0, meta));
                    subscriptions.add(s);
                }
            }
        }
    }

    /** An embedded INFORMATION consent: granted, withdrawn, or none. */
    private static Consent[] embedded(SplittableRandom rnd, Instant captured) {
        int k = rnd.nextInt(10);
        return k < 6 ? new Consent[] {Consent.granted(ConsentPurpose.INFORMATION, "app", captured)}
                : k < 8 ? new Consent[] {new Consent(ConsentPurpose.INFORMATION, ConsentStatus.WITHDRAWN, "app", captured)}
                : new Consent[0];
    }

    /** A consent record captured after the embedded consents (so it counts): granted, not yet effective, ending, pending, withdrawn. */
    private ConsentRecord record(SplittableRandom rnd, CustomerId id, ContactPointKind kind, int i) {
        Instant captured = NOW.minus(Duration.ofHours(1 + rnd.nextInt(48)));
        ConsentId cid = ConsentId.of("k-" + i + "-" + kind);
        return switch (rnd.nextInt(5)) {
            case 0 -> new ConsentRecord(cid, id, kind, ConsentPurpose.INFORMATION, ConsentStatus.GRANTED, "web", captured,
                    captured, null, false, captured, null, null, meta);
            case 1 -> new ConsentRecord(cid, id, kind, ConsentPurpose.INFORMATION, ConsentStatus.GRANTED, "web", captured,
                    NOW.plus(Duration.ofHours(4 + rnd.nextInt(8))), null, false, captured, null, null, meta);
            case 2 -> new ConsentRecord(cid, id, kind, ConsentPurpose.INFORMATION, ConsentStatus.GRANTED, "web", captured,
                    captured, NOW.plus(Duration.ofHours(1 + rnd.nextInt(12))), false, captured, null, null, meta);
            case 3 -> new ConsentRecord(cid, id, kind, ConsentPurpose.INFORMATION, ConsentStatus.PENDING, "web", captured,
                    captured, null, true, null, null, null, meta);
            default -> new ConsentRecord(cid, id, kind, ConsentPurpose.INFORMATION, ConsentStatus.WITHDRAWN, "web", captured,
                    captured, null, false, captured, captured.plus(Duration.ofMinutes(30)), "app", meta);
        };
    }
}

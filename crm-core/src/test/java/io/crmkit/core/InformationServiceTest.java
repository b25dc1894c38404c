package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.DeliveryChannel;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.info.Dispatch;
import io.crmkit.core.info.NewContentItem;
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PlannedPush;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushRun;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.PushStatistics;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.EngagementCounts;
import io.crmkit.core.outreach.EngagementKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The morning note pushed to five subscribers in three zones, with consent, fallback channels, validity and bots. */
class InformationServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Instant OPEN = Instant.parse("2026-11-24T00:00:00Z");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T20:00:00Z"));
    private CrmSession desk;
    private ContentItem note;
    private Customer shanghai;
    private Customer london;
    private Customer noConsent;
    private Customer fallback;
    private Customer newYork;
    private final List<Dispatch> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        desk = Crm.builder().clock(clock).zone(ZoneId.of("Asia/Shanghai")).build().as(Fixtures.RM_ACTOR);
        Consent info = Consent.granted(ConsentPurpose.INFORMATION, "app", Fixtures.NOW.minus(Duration.ofDays(3)));
        shanghai = desk.customers().register(Fixtures.individual().contactPoint(ContactPoint.phone("+8613800000001", "m", info))
                .profile(Profile.EMPTY.withTimeZone(ZoneId.of("Asia/Shanghai"))).build());
        desk.consents().capture(NewConsent.grant(shanghai.id(), ContactPointKind.APP, ConsentPurpose.INFORMATION, "app")
                .capturedAt(Fixtures.NOW).build());
        london = desk.customers().register(Fixtures.individual().contactPoint(ContactPoint.email("l@example.com", "h", info))
                .profile(Profile.EMPTY.withTimeZone(ZoneId.of("Europe/London"))).build());
        noConsent = desk.customers().register(Fixtures.individual().contactPoint(ContactPoint.phone("+8613800000003", "m")).build());
        fallback = desk.customers().register(Fixtures.individual().contactPoint(ContactPoint.email("f@example.com", "h"))
                .contactPoint(ContactPoint.phone("+8613800000004", "m", info))
                .profile(Profile.EMPTY.withTimeZone(ZoneId.of("Asia/Hong_Kong"))).build());
        newYork = desk.customers().register(Fixtures.individual().contactPoint(ContactPoint.email("n@example.com", "h", info))
                .profile(Profile.EMPTY.withTimeZone(ZoneId.of("America/New_York"))).build());
        note = desk.information().publish(NewContentItem.of(ContentKind.MORNING_NOTE, "Morning note", Set.of("morning-note"),
                OPEN, OPEN.plus(Duration.ofHours(12))));
        subscribe(shanghai, PushChannel.SMS);
        subscribe(shanghai, PushChannel.APP);
        subscribe(london, PushChannel.EMAIL);
        subscribe(noConsent, PushChannel.SMS);
        subscribe(fallback, PushChannel.EMAIL);
        subscribe(fallback, PushChannel.SMS);
        subscribe(newYork, PushChannel.EMAIL);
    }

    private void subscribe(Customer c, PushChannel channel) {
        desk.information().subscribe(NewSubscription.of(c.id(), "morning-note", channel));
    }

    private DeliveryChannel channel(PushChannel kind) {
        return new DeliveryChannel() {
            @Override public PushChannel channel() { return kind; }

            @Override public @Nullable String send(Dispatch d) {
                sent.add(d);
                return null;
            }
        };
    }

    private List<DeliveryChannel> channels() {
        return List.of(channel(PushChannel.APP), channel(PushChannel.EMAIL), channel(PushChannel.SMS));
    }

    @Test
    @DisplayName("the plan decides who, on which channel and when in each subscriber's zone, and why the rest are left out")
    void plan() {
        PushPlan plan = desk.information().plan(note.id(), PushSchedule.morningNote(DAY));
        assertThat(plan.pushes()).extracting(PlannedPush::customerId, PlannedPush::channel, PlannedPush::sendAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(shanghai.id(), PushChannel.APP, Instant.parse("2026-11-24T00:30:00Z")),
                        org.assertj.core.groups.Tuple.tuple(london.id(), PushChannel.EMAIL, Instant.parse("2026-11-24T08:30:00Z")),
                        org.assertj.core.groups.Tuple.tuple(fallback.id(), PushChannel.SMS, Instant.parse("2026-11-24T00:30:00Z")));
        // New York's 08:30 is 13:30Z, after the note expires at noon UTC.
        assertThat(plan.refusals()).isEqualTo(Map.of("NO_CONSENT", 1, "CONTENT_NOT_VALID", 1));
    }

    @Test
    @DisplayName("a delivery run sends what is due, records it, and a second run sends nothing twice")
    void deliver() {
        clock.advance(Duration.ofHours(5)); // 01:00Z, when the host's job runs
        PushRun early = desk.information().deliver(note.id(), PushSchedule.morningNote(DAY), clock.instant(), channels());
        assertThat(early).isEqualTo(new PushRun(2, 0, 0, 1, 0));
        clock.advance(Duration.ofHours(11)); // 12:00Z
        PushRun late = desk.information().deliver(note.id(), PushSchedule.morningNote(DAY), clock.instant(), channels());
        assertThat(late).isEqualTo(new PushRun(1, 0, 2, 0, 0));
        // every push delivered is in the contact log, so it counts towards the firm-wide caps
        assertThat(desk.contactPolicy().contactLog(fallback.id(), OPEN, OPEN.plus(Duration.ofDays(1)))).singleElement()
                .satisfies(a -> assertThat(a.channel()).isEqualTo(io.crmkit.core.interaction.Channel.SMS));
        assertThat(sent).extracting(Dispatch::address).containsExactlyInAnyOrder(null, "+8613800000004", "l@example.com");
    }

    @Test
    @DisplayName("statistics count a person's open and leave out the scanner's instant click and a burst of clicks")
    void statistics() {
        clock.advance(Duration.ofHours(16));
        desk.information().deliver(note.id(), PushSchedule.morningNote(DAY), clock.instant(), channels());
        Instant at = clock.instant();
        desk.information().recordEngagement(delivery(shanghai), EngagementKind.OPENED, at.plusSeconds(60), false);
        desk.information().recordEngagement(delivery(fallback), EngagementKind.CLICKED, at.plusSeconds(2), false);
        for (int i = 0; i < 7; i++) {
            desk.information().recordEngagement(delivery(london), EngagementKind.CLICKED, at.plusSeconds(100 + i), false);
        }
        PushStatistics s = desk.information().statistics(note.id(), BotRules.defaults());
        assertThat(s.total()).isEqualTo(new EngagementCounts(3, 1, 0, 8));
        assertThat(s.byTopic()).isEqualTo(Map.of("morning-note", s.total()));
        assertThat(s.byBranch()).isEqualTo(Map.of(Fixtures.BRANCH.value(), s.total()));
        assertThat(s.total().openRate()).isEqualTo(1.0 / 3);
    }

    @Test
    @DisplayName("unsubscribing stops the pushes; the subscription is kept inactive and shows in the 360 view")
    void unsubscribe() {
        desk.information().unsubscribe(shanghai.id(), "morning-note", PushChannel.APP);
        PushPlan plan = desk.information().plan(note.id(), PushSchedule.morningNote(DAY));
        assertThat(plan.pushes()).filteredOn(p -> p.customerId().equals(shanghai.id()))
                .singleElement().satisfies(p -> assertThat(p.channel()).isEqualTo(PushChannel.SMS));
        assertThat(desk.customers().view(shanghai.id()).subscriptions()).extracting(s -> s.channel() + ":" + s.active())
                .containsExactly("APP:false", "SMS:true");
    }

    @Test
    @DisplayName("bad topics and channels lists are refused naming the field")
    void badInput() {
        assertThatThrownBy(() -> NewSubscription.of(shanghai.id(), "Morning Note!", PushChannel.SMS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("topic"));
        List<DeliveryChannel> twice = List.of(channel(PushChannel.SMS), channel(PushChannel.SMS));
        assertThatThrownBy(() -> desk.information().deliver(note.id(), PushSchedule.morningNote(DAY), OPEN, twice))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("channels"));
    }

    private DeliveryId delivery(Customer c) {
        return sent.stream().filter(d -> d.customerId().equals(c.id())).findFirst().orElseThrow().deliveryId();
    }
}

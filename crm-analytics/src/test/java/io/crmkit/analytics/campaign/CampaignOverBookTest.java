package io.crmkit.analytics.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.segment.SegmentAudience;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.AttributionModels;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.Lift;
import io.crmkit.core.campaign.MemberGroup;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.outreach.BotRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A campaign over a generated book of 3,000 customers, targeted with the segment language: frozen
 * membership, a seeded holdout that is never contacted, contact-policy refusals counted with their
 * reasons (worked out independently from the generated data), conversions attributed under every
 * model with credits summing to one per conversion, and the lift against the holdout recomputed by
 * hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignOverBookTest {
    private static final int BOOK = 3_000;
    private static final Instant START = Instant.parse("2026-06-01T01:00:00Z");
    private static final PipelineId PIPELINE = PipelineId.of("wealth");
    private static final String SEGMENT = "age between 28 and 60";

    private final MovingClock clock = new MovingClock(START);
    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private CrmSession desk;
    private final Map<CustomerId, Boolean> consents = new HashMap<>();
    private final Set<CustomerId> closed = new HashSet<>();
    private final Set<CustomerId> doNotContact = new HashSet<>();
    private Audience audience;
    private Campaign spring;
    private Campaign summer;
    /** Every won opportunity: customer and when. */
    private final List<Map.Entry<CustomerId, Instant>> wins = new ArrayList<>();

    @BeforeAll
    void book() {
        Crm crm = Crm.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Shanghai")).build();
        desk = crm.as(Actor.staff(StaffId.of("rm-1"), OrgUnitId.of("br-1"), "RM"));
        desk.opportunities().definePipeline(PIPELINE, "Wealth", List.of(Stage.open("LEAD", "Lead", 10),
                Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int i = 0; i < BOOK; i++) {
            boolean consent = rnd.nextDouble() < 0.8;
            ContactPoint email = ContactPoint.email("c" + i + "@example.com", "home", new Consent(ConsentPurpose.MARKETING,
                    consent ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN, "form", START.minus(Duration.ofDays(30))));
            Customer c = desk.customers().register(NewCustomer.individual("Customer " + i).owner(StaffId.of("rm-1"))
                    .branch(OrgUnitId.of("br-1")).birthDate(LocalDate.of(1950 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1))
                    .active().contactPoint(email).build());
            consents.put(c.id(), consent);
            double r = rnd.nextDouble();
            if (r < 0.03) {
                desk.customers().changeLifecycle(c.id(), LifecycleStage.CLOSED, LocalDate.of(2026, 5, 30), "moved away");
                closed.add(c.id());
            } else if (r < 0.05) {
                desk.consents().setDoNotContact(c.id(), true, Set.of(), "call-centre");
                doNotContact.add(c.id());
            }
        }
        FeatureFrame frame = StoreFeatureReader.custom().build().read(store, ProgressListener.none());
        audience = SegmentAudience.of(Segment.parse("core_band", SEGMENT), frame);
        spring = desk.campaigns().define(NewCampaign.of("Spring fund", Channel.EMAIL).holdout(20, 7L).windowDays(30)
                .cost(Money.of("20000", "CNY")));
        spring = desk.campaigns().launch(spring.id(), spring.meta().version(), audience);
        clock.advance(Duration.ofDays(5));
        // A second campaign over part of the same audience: conversions then have one or two touches.
        List<CustomerId> half = audience.customers().subList(0, audience.customers().size() / 2);
        summer = desk.campaigns().define(NewCampaign.of("Summer follow-up", Channel.EMAIL).windowDays(20));
        summer = desk.campaigns().launch(summer.id(), summer.meta().version(), Audience.of("first_half", SEGMENT, half));
        // Wins: contacted members convert more often than the rest, at a day of the first 25.
        Map<Integer, List<CustomerId>> byDay = new TreeMap<>();
        for (CampaignMember m : members(spring)) {
            double p = m.outcome() == ContactOutcome.CONTACTED ? 0.20 : 0.06;
            if (rnd.nextDouble() < p) {
                byDay.computeIfAbsent(1 + rnd.nextInt(24), d -> new ArrayList<>()).add(m.customerId());
            }
        }
        int day = 5;
        for (Map.Entry<Integer, List<CustomerId>> e : byDay.entrySet()) {
            clock.advance(Duration.ofDays(e.getKey() - day).plusMinutes(1));
            day = e.getKey();
            for (CustomerId c : e.getValue()) {
                Opportunity o = desk.opportunities().open(NewOpportunity.of(c, PIPELINE, "Fund", Money.of("1000", "CNY"),
                        OpportunitySource.CAMPAIGN));
                desk.opportunities().win(o.id(), null);
                wins.add(Map.entry(c, clock.instant()));
            }
        }
    }

    private List<CampaignMember> members(Campaign c) {
        try (Stream<CampaignMember> s = store.campaignMembers().findByCampaign(c.id())) {
            return s.toList();
        }
    }

    @Test
    @DisplayName("the membership is the segment at launch, and later changes to the customers do not alter it")
    void frozen() {
        assertThat(audience.customers().size()).isBetween(1_000, 2_000);
        Set<CustomerId> frozen = members(spring).stream().map(CampaignMember::customerId).collect(Collectors.toSet());
        assertThat(frozen).isEqualTo(new HashSet<>(audience.customers()));
        // Ten members age out of the segment; the segment now says otherwise, the campaign does not.
        for (CustomerId id : audience.customers().subList(0, 10)) {
            Customer c = desk.customers().get(id);
            desk.customers().update(new Customer(c.id(), c.type(), c.name(), c.identifiers(), LocalDate.of(1930, 1, 1),
                    c.profile(), c.lifecycle(), c.lifecycleHistory(), c.owner(), c.branch(), c.tier(), c.tags(),
                    c.contactPoints(), c.extensions(), c.meta()));
        }
        FeatureFrame now = StoreFeatureReader.custom().build().read(store, ProgressListener.none());
        Audience today = SegmentAudience.of(Segment.parse("core_band", SEGMENT), now);
        assertThat(today.customers()).doesNotContainAnyElementsOf(audience.customers().subList(0, 10));
        assertThat(members(spring).stream().map(CampaignMember::customerId).collect(Collectors.toSet())).isEqualTo(frozen);
        assertThat(desk.campaigns().get(spring.id()).tally().members()).isEqualTo(frozen.size());
    }

    @Test
    @DisplayName("the seeded holdout is about a fifth of the audience, the same on a second draw, and never contacted")
    void holdout() {
        List<CampaignMember> held = members(spring).stream().filter(m -> m.group() == MemberGroup.HOLDOUT).toList();
        assertThat((double) held.size() / audience.customers().size()).isCloseTo(0.20, within(0.04));
        assertThat(held).allSatisfy(m -> {
            assertThat(m.outcome()).isEqualTo(ContactOutcome.HELD_OUT);
            assertThat(m.contactedAt()).isNull();
        });
        // Same seed, same audience: the same split (a rerun on another store draws identically).
        Campaign again = desk.campaigns().define(NewCampaign.of("Redraw", Channel.EMAIL).holdout(20, 7L));
        again = desk.campaigns().launch(again.id(), again.meta().version(), audience);
        Set<CustomerId> heldAgain = members(again).stream().filter(m -> m.group() == MemberGroup.HOLDOUT)
                .map(CampaignMember::customerId).collect(Collectors.toSet());
        assertThat(heldAgain).isEqualTo(held.stream().map(CampaignMember::customerId).collect(Collectors.toSet()));
    }

    @Test
    @DisplayName("every treated member's contact was decided by the policy; refusals counted by reason match the book")
    void refusals() {
        List<CampaignMember> treated = members(spring).stream().filter(m -> m.group() == MemberGroup.TREATED).toList();
        long closedCount = treated.stream().filter(m -> closed.contains(m.customerId())).count();
        long flagged = treated.stream().filter(m -> doNotContact.contains(m.customerId())).count();
        long withdrawn = treated.stream().filter(m -> !closed.contains(m.customerId()) && !doNotContact.contains(m.customerId())
                && !consents.get(m.customerId())).count();
        assertThat(closedCount).isPositive();
        assertThat(flagged).isPositive();
        assertThat(spring.tally().refusals()).isEqualTo(Map.of("CUSTOMER_CLOSED", (int) closedCount,
                "DO_NOT_CONTACT", (int) flagged, "CONSENT_WITHDRAWN", (int) withdrawn));
        assertThat(spring.tally().contacted()).isEqualTo(treated.size() - (int) (closedCount + flagged + withdrawn));
        // each decision is in the firm's contact log, carried out or refused with its reason
        CampaignMember one = treated.stream().filter(m -> m.outcome() == ContactOutcome.REFUSED
                && doNotContact.contains(m.customerId())).findFirst().orElseThrow();
        assertThat(desk.contactPolicy().contactLog(one.customerId(), START, START.plus(Duration.ofDays(1)))).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo(io.crmkit.core.consent.ContactReason.DO_NOT_CONTACT));
        assertThat(spring.tally().treated() + spring.tally().heldOut()).isEqualTo(spring.tally().members());
    }

    @Test
    @DisplayName("under every model each conversion's credits sum to one across the campaigns that touched it")
    void creditsSumToOne() {
        // The conversions any campaign can claim: a win within the window after a contact.
        Map<CustomerId, List<Instant>> touches = new HashMap<>();
        Map<CustomerId, Integer> windows = new HashMap<>();
        long touched = 0;
        for (Map.Entry<CustomerId, Instant> win : wins) {
            boolean any = false;
            for (Campaign c : List.of(spring, summer)) {
                for (CampaignMember m : members(c)) {
                    if (m.customerId().equals(win.getKey()) && m.contactedAt() != null && win.getValue().isAfter(m.contactedAt())
                            && !win.getValue().isAfter(m.contactedAt().plus(Duration.ofDays(c.windowDays())))) {
                        any = true;
                    }
                }
            }
            touched += any ? 1 : 0;
        }
        assertThat(touched).isGreaterThan(100);
        for (AttributionModel model : List.of(AttributionModels.firstTouch(), AttributionModels.lastTouch(),
                AttributionModels.linear(), AttributionModels.timeDecay(Duration.ofDays(7)))) {
            CampaignReport a = desk.campaigns().report(spring.id(), model, BotRules.defaults());
            CampaignReport b = desk.campaigns().report(summer.id(), model, BotRules.defaults());
            assertThat(a.attributedConversions() + b.attributedConversions()).as(model.name()).isCloseTo(touched, within(1e-6));
            assertThat(a.attributedRevenue().get("CNY").add(b.attributedRevenue().get("CNY")).doubleValue())
                    .as(model.name()).isCloseTo(touched * 1000.0, within(0.05));
        }
        // First touch: the spring campaign came first for every customer it contacted, so it claims all of theirs.
        CampaignReport last = desk.campaigns().report(summer.id(), AttributionModels.lastTouch(), BotRules.defaults());
        CampaignReport first = desk.campaigns().report(summer.id(), AttributionModels.firstTouch(), BotRules.defaults());
        assertThat(last.attributedConversions()).isGreaterThan(first.attributedConversions());
    }

    @Test
    @DisplayName("lift is the treated conversion rate minus the holdout's, with its 95% interval, recomputed by hand")
    void lift() {
        Instant launched = spring.launchedAt();
        Set<CustomerId> converted = new HashSet<>();
        for (Map.Entry<CustomerId, Instant> w : wins) {
            if (w.getValue().isAfter(launched) && !w.getValue().isAfter(launched.plus(Duration.ofDays(30)))) {
                converted.add(w.getKey());
            }
        }
        long nt = 0;
        long ct = 0;
        long nh = 0;
        long ch = 0;
        for (CampaignMember m : members(spring)) {
            boolean conv = converted.contains(m.customerId());
            if (m.group() == MemberGroup.HOLDOUT) {
                nh++;
                ch += conv ? 1 : 0;
            } else {
                nt++;
                ct += conv ? 1 : 0;
            }
        }
        double pt = (double) ct / nt;
        double ph = (double) ch / nh;
        double half = 1.959963984540054 * Math.sqrt(pt * (1 - pt) / nt + ph * (1 - ph) / nh);
        Lift lift = desk.campaigns().report(spring.id(), AttributionModels.linear(), BotRules.defaults()).lift();
        assertThat(lift).isNotNull();
        assertThat(lift.treated()).isEqualTo(nt);
        assertThat(lift.holdoutConversions()).isEqualTo(ch);
        assertThat(lift.difference()).isCloseTo(pt - ph, within(1e-12));
        assertThat(lift.low()).isCloseTo(pt - ph - half, within(1e-12));
        assertThat(lift.high()).isCloseTo(pt - ph + half, within(1e-12));
        assertThat(lift.low()).as("contacted members were generated to convert more").isPositive();
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }
}

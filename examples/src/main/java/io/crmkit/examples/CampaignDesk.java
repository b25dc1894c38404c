package io.crmkit.examples;

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
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.DeliveryChannel;
import io.crmkit.core.info.Dispatch;
import io.crmkit.core.info.NewContentItem;
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushRun;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.PushStatistics;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
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
import io.crmkit.core.outreach.EngagementKind;
import io.crmkit.core.spi.CrmStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A marketing desk: a fund campaign to a segment (age 30 to 60) with a 20% holdout, every contact
 * through the contact policy, replies, clicks (one link scanner among them) and won deals over the
 * following weeks, and the campaign report under four attribution models with the lift against the
 * holdout; then the next morning's note pushed to the subscribers at 08:30 in their own zones.
 *
 * <pre>
 * ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.crmkit.examples.CampaignDesk
 * </pre>
 */
public final class CampaignDesk {
    private static final Instant START = Instant.parse("2026-11-02T02:00:00Z");
    private static final PipelineId FUNDS = PipelineId.of("funds");
    private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Hong_Kong"), ZoneId.of("Europe/London")};

    private CampaignDesk() {}

    /** What the run produced, for the example's test. */
    public record Desk(Campaign campaign, Map<String, CampaignReport> reports, PushPlan plan, PushRun run,
            PushStatistics statistics) {}

    public static void main(String[] args) {
        run(InMemoryCrmStore.create(), System.out);
    }

    public static Desk run(CrmStore store, PrintStream out) {
        MovingClock clock = new MovingClock(START);
        Crm crm = Crm.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Shanghai")).build();
        CrmSession desk = crm.as(Actor.staff(StaffId.of("mkt-01"), OrgUnitId.of("br-sh-01"), "MARKETING"));
        desk.opportunities().definePipeline(FUNDS, "Funds", List.of(Stage.open("LEAD", "Lead", 10), Stage.won("WON", "Won"),
                Stage.lost("LOST", "Lost")));
        Random rnd = new Random(15);
        List<io.crmkit.core.customer.CustomerId> book = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant captured = START.minus(Duration.ofDays(60));
            ContactPoint email = ContactPoint.email("client" + i + "@example.com", "home", rnd.nextInt(10) < 8
                    ? Consent.granted(ConsentPurpose.MARKETING, "web form", captured) : Consent.granted(ConsentPurpose.SERVICE, "web", captured));
            ContactPoint phone = ContactPoint.phone(String.format("+86139%08d", i), "mobile",
                    Consent.granted(ConsentPurpose.INFORMATION, "app", captured));
            Customer c = desk.customers().register(NewCustomer.individual("Client " + i).owner(StaffId.of("rm-" + i % 4))
                    .branch(OrgUnitId.of(i % 2 == 0 ? "br-sh-01" : "br-hk-01")).birthDate(LocalDate.of(1950 + rnd.nextInt(50), 3, 1))
                    .profile(Profile.EMPTY.withTimeZone(ZONES[i % ZONES.length])).active().contactPoint(email).contactPoint(phone)
                    .build());
            book.add(c.id());
            if (i % 25 == 0) {
                desk.consents().setDoNotContact(c.id(), true, Set.of(), "call-centre");
            }
            if (i % 3 == 0) {
                desk.information().subscribe(NewSubscription.of(c.id(), "morning-note", PushChannel.APP));
                desk.consents().capture(NewConsent.grant(c.id(), ContactPointKind.APP, ConsentPurpose.INFORMATION, "app")
                        .capturedAt(captured).build());
            }
            if (i % 2 == 0) {
                desk.information().subscribe(NewSubscription.of(c.id(), "morning-note", PushChannel.SMS));
            }
        }

        FeatureFrame frame = StoreFeatureReader.custom().build().read(store, ProgressListener.none());
        Audience audience = SegmentAudience.of(Segment.parse("core_band", "age between 30 and 60"), frame);
        Campaign fund = desk.campaigns().define(NewCampaign.of("Stable income fund", Channel.EMAIL).holdout(20, 2026L)
                .windowDays(21).cost(Money.of("400000", "CNY")));
        fund = desk.campaigns().launch(fund.id(), fund.meta().version(), audience);
        out.printf("=== Campaign '%s' over segment %s: %d members, %d held out, %d contacted, refused %s, deferred %d%n",
                fund.name(), fund.segment(), fund.tally().members(), fund.tally().heldOut(), fund.tally().contacted(),
                fund.tally().refusals(), fund.tally().deferred());

        simulateResponses(desk, clock, fund, rnd, book);
        Map<String, CampaignReport> reports = new java.util.LinkedHashMap<>();
        for (AttributionModel model : List.of(AttributionModels.firstTouch(), AttributionModels.lastTouch(),
                AttributionModels.linear(), AttributionModels.timeDecay(Duration.ofDays(7)))) {
            CampaignReport r = desk.campaigns().report(fund.id(), model, BotRules.defaults());
            reports.put(model.name(), r);
            out.printf("  %-22s responders %3d (%.1f%%)  conversions %5.2f  revenue %s  ROI %s%n", model.name(), r.responders(),
                    100 * r.responseRate(), r.attributedConversions(), r.attributedRevenue(), r.roi() == null ? "-"
                            : String.format("%.2f", r.roi()));
        }
        CampaignReport any = reports.values().iterator().next();
        out.printf("  clicks by people %d, automated left out %d%n", any.engagement().clickers(), any.engagement().automated());
        if (any.lift() != null) {
            out.printf("  lift vs holdout: %.1f%% - %.1f%% = %+.1f points (95%% CI %+.1f to %+.1f)%n", 100 * any.lift().treatedRate(),
                    100 * any.lift().holdoutRate(), 100 * any.lift().difference(), 100 * any.lift().low(), 100 * any.lift().high());
        }

        // The next morning's note, valid from midnight UTC until noon UTC.
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        Instant open = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        ContentItem note = desk.information().publish(NewContentItem.of(ContentKind.MORNING_NOTE, "Morning note " + day,
                Set.of("morning-note"), open, open.plus(Duration.ofHours(12))));
        PushPlan plan = desk.information().plan(note.id(), PushSchedule.morningNote(day));
        out.printf("=== Morning note %s: %d pushes planned, left out %s%n", day, plan.pushes().size(), plan.refusals());
        Map<PushChannel, Integer> sent = new EnumMap<>(PushChannel.class);
        List<DeliveryChannel> gateways = Stream.of(PushChannel.values()).map(kind -> (DeliveryChannel) new DeliveryChannel() {
            @Override public PushChannel channel() { return kind; }

            @Override public String send(Dispatch d) {
                sent.merge(kind, 1, Integer::sum);
                return null;
            }
        }).toList();
        clock.set(open.plus(Duration.ofHours(12)));
        PushRun run = desk.information().deliver(note.id(), PushSchedule.morningNote(day), clock.instant(), gateways);
        out.printf("  delivered %d (%s), failed %d%n", run.delivered(), sent, run.failed());
        int k = 0;
        for (var p : plan.pushes()) {
            k++;
            if (k % 4 == 0) {
                clock.set(open.plus(Duration.ofHours(12)).plusSeconds(k % 16 == 0 ? 3 : 90)); // some within seconds: scanners
                desk.information().recordEngagement(deliveryOf(store, note, p.customerId()), EngagementKind.OPENED, clock.instant(), false);
            }
        }
        PushStatistics stats = desk.information().statistics(note.id(), BotRules.defaults());
        out.printf("  opened by people %d of %d (%.1f%%), automated left out %d; by branch %s%n", stats.total().openers(),
                stats.total().delivered(), 100 * stats.total().openRate(), stats.total().automated(), stats.byBranch().keySet());
        return new Desk(fund, reports, plan, run, stats);
    }

    private static io.crmkit.core.info.DeliveryId deliveryOf(CrmStore store, ContentItem note, io.crmkit.core.customer.CustomerId c) {
        try (Stream<io.crmkit.core.info.Delivery> all = store.deliveries().findByContent(note.id())) {
            return all.filter(d -> d.customerId().equals(c)).findFirst().orElseThrow().id();
        }
    }

    /** Over three weeks: replies and clicks from some contacted members, and won deals (more among the contacted). */
    private static void simulateResponses(CrmSession desk, MovingClock clock, Campaign fund, Random rnd,
            List<io.crmkit.core.customer.CustomerId> book) {
        List<CampaignMember> members = book.stream().flatMap(c -> desk.campaigns().memberships(c).stream())
                .filter(m -> m.campaignId().equals(fund.id())).toList();
        clock.advance(Duration.ofHours(2));
        boolean scanner = true;
        for (CampaignMember m : members) {
            if (m.outcome() != ContactOutcome.CONTACTED) {
                continue;
            }
            if (rnd.nextInt(10) < 2) {
                desk.interactions().record(NewInteraction.of(m.customerId(), Channel.EMAIL, Direction.INBOUND).subject("Reply").build());
            }
            if (rnd.nextInt(10) < 3) {
                desk.campaigns().recordEngagement(fund.id(), m.customerId(), EngagementKind.CLICKED, clock.instant(), scanner);
                scanner = false;
            }
        }
        for (int day = 1; day <= 20; day++) {
            clock.advance(Duration.ofDays(1));
            for (CampaignMember m : members) {
                int chance = m.outcome() == ContactOutcome.CONTACTED ? 12 : 4; // per mille per day
                if (rnd.nextInt(1000) < chance) {
                    Opportunity o = desk.opportunities().open(NewOpportunity.of(m.customerId(), FUNDS, "Income fund",
                            Money.of(String.valueOf(20_000 + rnd.nextInt(80_000)), "CNY"), OpportunitySource.CAMPAIGN));
                    desk.opportunities().win(o.id(), null);
                }
            }
        }
    }

    /** The desk's simulated time. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant at) {
            now = at;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }
}

package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.AttributionModels;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.EngagementKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A small campaign case worked out by hand: two campaigns touch customer A before A's win, one
 * touches B before B's win; every model's credits are checked against the figures computed on paper.
 */
class CampaignAttributionTest {
    private final SettableClock clock = new SettableClock(Fixtures.NOW);
    private CrmSession rm;
    private Customer a;
    private Customer b;
    private Customer c;
    private Customer d;
    private Campaign first;
    private Campaign second;

    @BeforeEach
    void setUp() {
        Crm crm = Crm.builder().clock(clock).build();
        rm = crm.as(Fixtures.RM_ACTOR);
        rm.opportunities().definePipeline(Fixtures.WEALTH, "Wealth", Fixtures.STAGES);
        a = rm.customers().register(consenting("a"));
        b = rm.customers().register(consenting("b"));
        c = rm.customers().register(consenting("c"));
        d = rm.customers().register(Fixtures.individual().build()); // no contact point, no consent
        first = rm.campaigns().define(NewCampaign.of("First", Channel.EMAIL).cost(Money.of("200", "CNY")));
        first = rm.campaigns().launch(first.id(), first.meta().version(),
                Audience.of("all_four", "tier != NONE", List.of(a.id(), b.id(), c.id(), d.id())));
        clock.advance(Duration.ofHours(1));
        rm.interactions().record(NewInteraction.of(c.id(), Channel.EMAIL, Direction.INBOUND).subject("Reply").build());
        rm.campaigns().recordEngagement(first.id(), b.id(), EngagementKind.CLICKED, clock.instant(), false);
        rm.campaigns().recordEngagement(first.id(), a.id(), EngagementKind.CLICKED, clock.instant(), true); // a scanner
        clock.advance(Duration.ofHours(23));
        win(b, "500"); // day 1: only the first campaign had touched B
        clock.advance(Duration.ofDays(1));
        second = rm.campaigns().define(NewCampaign.of("Second", Channel.EMAIL));
        second = rm.campaigns().launch(second.id(), second.meta().version(), Audience.of("a_and_b", "x = 1", List.of(a.id(), b.id())));
        clock.advance(Duration.ofDays(2));
        win(a, "1000"); // day 4: touched by the first (day 0) and the second (day 2)
    }

    private static io.crmkit.core.customer.NewCustomer consenting(String tag) {
        return Fixtures.individual().tag(tag).contactPoint(ContactPoint.email(tag + "@example.com", "home",
                Consent.granted(ConsentPurpose.MARKETING, "signed form", Fixtures.NOW.minus(Duration.ofDays(9))))).build();
    }

    private void win(Customer who, String amount) {
        Opportunity o = rm.opportunities().open(NewOpportunity.of(who.id(), Fixtures.WEALTH, "Fund", Money.of(amount, "CNY"),
                OpportunitySource.CAMPAIGN));
        rm.opportunities().win(o.id(), null);
    }

    private CampaignReport report(Campaign which, AttributionModel model) {
        return rm.campaigns().report(which.id(), model, BotRules.defaults());
    }

    @Test
    @DisplayName("the launch contacts consenting members and counts the refusal with its reason")
    void launchTally() {
        assertThat(first.tally().members()).isEqualTo(4);
        assertThat(first.tally().contacted()).isEqualTo(3);
        assertThat(first.tally().refusals()).isEqualTo(Map.of("NO_CONSENT", 1));
        assertThat(rm.campaigns().memberships(d.id())).singleElement()
                .satisfies(m -> assertThat(m.outcome()).isEqualTo(ContactOutcome.REFUSED));
    }

    @Test
    @DisplayName("first touch gives A's win to the first campaign; B's win is the first campaign's under every model")
    void firstTouch() {
        CampaignReport r1 = report(first, AttributionModels.firstTouch());
        CampaignReport r2 = report(second, AttributionModels.firstTouch());
        assertThat(r1.attributedConversions()).isCloseTo(2.0, within(1e-12));
        assertThat(r2.attributedConversions()).isCloseTo(0.0, within(1e-12));
        assertThat(r1.attributedRevenue()).isEqualTo(Map.of("CNY", new BigDecimal("1500.00")));
        assertThat(r1.roi()).isCloseTo(6.5, within(1e-12)); // (1500 - 200) / 200
    }

    @Test
    @DisplayName("last touch gives A's win to the second campaign")
    void lastTouch() {
        assertThat(report(first, AttributionModels.lastTouch()).attributedConversions()).isCloseTo(1.0, within(1e-12));
        assertThat(report(second, AttributionModels.lastTouch()).attributedConversions()).isCloseTo(1.0, within(1e-12));
        assertThat(report(second, AttributionModels.lastTouch()).attributedRevenue()).isEqualTo(Map.of("CNY", new BigDecimal("1000.00")));
    }

    @Test
    @DisplayName("linear halves A's win; the first campaign's ROI is (500 + 500 - 200) / 200")
    void linear() {
        CampaignReport r1 = report(first, AttributionModels.linear());
        assertThat(r1.attributedConversions()).isCloseTo(1.5, within(1e-12));
        assertThat(r1.attributedRevenue()).isEqualTo(Map.of("CNY", new BigDecimal("1000.00")));
        assertThat(r1.roi()).isCloseTo(4.0, within(1e-12));
        assertThat(report(second, AttributionModels.linear()).attributedConversions()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    @DisplayName("time decay with a two-day half-life: ages four and two days weigh 1/4 and 1/2, so 1/3 and 2/3")
    void timeDecay() {
        AttributionModel decay = AttributionModels.timeDecay(Duration.ofDays(2));
        assertThat(report(first, decay).attributedConversions()).isCloseTo(1 + 1.0 / 3, within(1e-9));
        assertThat(report(second, decay).attributedConversions()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    @DisplayName("responders are the inbound reply and the person's click; the scanner's click is counted apart")
    void responses() {
        CampaignReport r = report(first, AttributionModels.lastTouch());
        assertThat(r.responders()).isEqualTo(2);
        assertThat(r.responseRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.engagement().clickers()).isEqualTo(1);
        assertThat(r.engagement().automated()).isEqualTo(1);
        assertThat(r.lift()).as("no holdout, no lift").isNull();
    }

    @Test
    @DisplayName("a model whose credits do not sum to one is refused with a validation error")
    void brokenModel() {
        AttributionModel broken = new AttributionModel() {
            @Override public String name() { return "broken"; }

            @Override public double[] credit(List<io.crmkit.core.campaign.Touch> touches, Instant at) {
                return new double[touches.size()];
            }
        };
        assertThatThrownBy(() -> report(first, broken)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("model")));
    }

    @Test
    @DisplayName("a launched campaign cannot be launched again")
    void launchTwice() {
        assertThatThrownBy(() -> rm.campaigns().launch(first.id(), first.meta().version(),
                Audience.of("again", "x = 1", List.of(CustomerId.of(a.id().value())))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("status")));
    }
}

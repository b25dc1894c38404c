package io.crmkit.analytics.nba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The domain's brokerage example: an active online equity trader with 85% of assets in equities
 * gets the morning note, research by e-mail, a suggestion to reduce exposure in a weak market, a
 * stable wealth-management product and new-share subscription with idle cash. Priorities below
 * are worked out by hand from the frame.
 */
class BrokerageNbaTest {

    static final int TRADER = 0;
    static final int SAVER = 1;
    static final int UNASSESSED = 2;
    static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    static final NbaContext WEAK_MARKET = NbaContext.of(Map.of("REDUCE_EXPOSURE", 1.5));

    static FeatureFrame frame() {
        List<String> risk = List.of("CONSERVATIVE", "CAUTIOUS", "BALANCED", "GROWTH", "AGGRESSIVE");
        return FeatureFrame.builder(3)
                .ids(new long[] {101, 102, 103})
                .doubles("equity_share", new double[] {0.85, 0.05, 0.90})
                .ints("frequency", new int[] {40, 1, 30})
                .doubles("digital_share", new double[] {0.9, 0.1, 0.8})
                .doubles("idle_cash", new double[] {200_000, 300_000, 100_000})
                .ints("holds_wm", new int[] {0, 0, 1})
                .ints("morning_note", new int[] {0, 0, 0})
                .doubles("p_note", new double[] {0.9, 0.1, 0.8})
                .doubles("p_reduce", new double[] {0.4, 0.2, 0.7})
                .doubles("p_wm", new double[] {0.3, 0.9, 0.5})
                .doubles("p_ipo", new double[] {0.5, 0.6, 0.4})
                .categories("risk_tolerance", new int[] {3, 0, -1}, risk)
                .categories("branch", new int[] {0, 1, 0}, List.of("BR_A", "BR_B"))
                .build();
    }

    static List<Proposition> propositions() {
        return List.of(
                Proposition.builder("MORNING_NOTE").description("Pre-market morning note").channel(Channel.APP)
                        .purpose(ConsentPurpose.SERVICE).value(10).propensity("p_note")
                        .eligibility("frequency >= 10 and digital_share >= 0.5").applicability("morning_note = 0").build(),
                Proposition.builder("RESEARCH_EMAIL").description("Research reports by e-mail").channel(Channel.EMAIL)
                        .purpose(ConsentPurpose.RESEARCH).value(8).eligibility("equity_share >= 0.5").build(),
                Proposition.builder("REDUCE_EXPOSURE").description("Suggest reducing equity exposure")
                        .channel(Channel.PHONE).purpose(ConsentPurpose.SERVICE).value(50).propensity("p_reduce")
                        .eligibility("equity_share >= 0.7").build(),
                Proposition.builder("STABLE_WM").description("Stable wealth-management product").channel(Channel.PHONE)
                        .purpose(ConsentPurpose.MARKETING).product("WM_STABLE", RiskTolerance.CAUTIOUS).value(40)
                        .lever(1.2).propensity("p_wm").applicability("holds_wm = 0").build(),
                Proposition.builder("IPO_SUBSCRIPTION").description("New-share subscription with idle cash")
                        .channel(Channel.APP).purpose(ConsentPurpose.MARKETING).product("NEW_SHARES", RiskTolerance.GROWTH)
                        .value(30).propensity("p_ipo").eligibility("idle_cash >= 50000 and frequency >= 1").build(),
                Proposition.builder("MARGIN_LOAN").description("Margin financing").channel(Channel.PHONE)
                        .purpose(ConsentPurpose.MARKETING).product("MARGIN", RiskTolerance.AGGRESSIVE).value(500)
                        .lever(2).eligibility("frequency >= 20").build());
    }

    static NextBestAction.Builder engine() {
        return NextBestAction.custom().propositions(propositions()).capacity(Capacity.unlimited(5))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("the active equity trader gets the five actions of the domain example, by priority")
    void traderGetsTheDomainExample() {
        NbaResult r = engine().build().run(frame(), WEAK_MARKET, ProgressListener.none());

        // REDUCE 0.4*50*1.5 = 30; IPO 0.5*30 = 15; WM 0.3*40*1.2 = 14.4; NOTE 0.9*10 = 9; RESEARCH 1*8 = 8
        assertThat(r.actionIds(TRADER)).containsExactly("REDUCE_EXPOSURE", "IPO_SUBSCRIPTION", "STABLE_WM",
                "MORNING_NOTE", "RESEARCH_EMAIL");
        assertThat(r.actions(TRADER)).extracting(Recommendation::priority)
                .hasSize(5);
        double[] expected = {30, 15, 14.4, 9, 8};
        for (int i = 0; i < expected.length; i++) {
            assertThat(r.actions(TRADER).get(i).priority()).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(r.actions(TRADER).get(0).reasons().get(0).text())
                .isEqualTo("Suggest reducing equity exposure: propensity 0.400 x value 50 x context 1.500 x lever 1 = 30");
        assertThat(r.actions(TRADER).get(1).reasons()).extracting(io.crmkit.analytics.score.Reason::code)
                .containsExactly("PRIORITY", "ELIGIBLE", "ELIGIBLE", "SUITABLE");
    }

    @Test
    @DisplayName("an unsuitable product is never recommended, however high its priority")
    void unsuitableProductNeverRecommended() {
        NbaResult r = engine().build().run(frame(), WEAK_MARKET, ProgressListener.none());

        // Margin: 1 x 500 x 2 = 1000, the highest priority of all, but AGGRESSIVE > GROWTH.
        assertThat(r.drop(TRADER, "MARGIN_LOAN")).get().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.SUITABILITY);
            assertThat(d.reason().code()).isEqualTo("UNSUITABLE");
            assertThat(d.reason().text()).isEqualTo("Product risk AGGRESSIVE is above the customer's risk tolerance GROWTH");
        });
        assertThat(r.drop(SAVER, "IPO_SUBSCRIPTION")).get().extracting(Drop::stage).isEqualTo(Stage.SUITABILITY);
        assertThat(r.drop(SAVER, "STABLE_WM")).get().extracting(d -> d.reason().code()).isEqualTo("UNSUITABLE");
        assertThat(r.actionIds(SAVER)).isEmpty();
        // Unknown tolerance: no product with a risk level at all, only the non-product actions.
        assertThat(r.drop(UNASSESSED, "IPO_SUBSCRIPTION")).get().extracting(d -> d.reason().code())
                .isEqualTo("RISK_NOT_ASSESSED");
        assertThat(r.actionIds(UNASSESSED)).containsExactly("REDUCE_EXPOSURE", "MORNING_NOTE", "RESEARCH_EMAIL");
        assertThat(r.actions(UNASSESSED)).extracting(Recommendation::priority).containsExactly(52.5, 8.0, 8.0);
    }

    @Test
    @DisplayName("every dropped proposition names its stage and the rule that failed")
    void dropsNameStageAndRule() {
        NbaResult r = engine().build().run(frame(), WEAK_MARKET, ProgressListener.none());

        assertThat(r.dropped(SAVER)).extracting(Drop::propositionId, Drop::stage, d -> d.reason().text())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("IPO_SUBSCRIPTION", Stage.SUITABILITY,
                                "Product risk GROWTH is above the customer's risk tolerance CONSERVATIVE"),
                        org.assertj.core.groups.Tuple.tuple("MARGIN_LOAN", Stage.ELIGIBILITY, "Does not meet frequency >= 20"),
                        org.assertj.core.groups.Tuple.tuple("MORNING_NOTE", Stage.ELIGIBILITY, "Does not meet frequency >= 10"),
                        org.assertj.core.groups.Tuple.tuple("REDUCE_EXPOSURE", Stage.ELIGIBILITY,
                                "Does not meet equity_share >= 0.7"),
                        org.assertj.core.groups.Tuple.tuple("RESEARCH_EMAIL", Stage.ELIGIBILITY,
                                "Does not meet equity_share >= 0.5"),
                        org.assertj.core.groups.Tuple.tuple("STABLE_WM", Stage.SUITABILITY,
                                "Product risk CAUTIOUS is above the customer's risk tolerance CONSERVATIVE"));
        assertThat(r.drop(UNASSESSED, "STABLE_WM")).get().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.APPLICABILITY);
            assertThat(d.reason().text()).isEqualTo("Not relevant now: holds_wm = 0 does not hold");
        });
        // 3 customers x 6 propositions = 18 pairs: 8 recommended, the rest counted where they dropped.
        assertThat(r.recommendedCount()).isEqualTo(8);
        assertThat(r.dropCounts()).containsEntry(Stage.ELIGIBILITY, 4L).containsEntry(Stage.APPLICABILITY, 1L)
                .containsEntry(Stage.SUITABILITY, 5L).containsEntry(Stage.CONTACT, 0L).containsEntry(Stage.CAPACITY, 0L);
    }

    @Test
    @DisplayName("in a strong market a context weight of 0 switches 'reduce exposure' off")
    void contextSwitchesOff() {
        NbaResult r = engine().build().run(frame(), NbaContext.of(Map.of("REDUCE_EXPOSURE", 0.0)), ProgressListener.none());

        assertThat(r.actionIds(TRADER)).containsExactly("IPO_SUBSCRIPTION", "STABLE_WM", "MORNING_NOTE", "RESEARCH_EMAIL");
        assertThat(r.drop(TRADER, "REDUCE_EXPOSURE")).get().extracting(Drop::stage, d -> d.reason().code())
                .containsExactly(Stage.APPLICABILITY, "OFF_IN_CONTEXT");
    }

    @Test
    @DisplayName("channel capacity goes to the highest priority first")
    void channelCapacityByPriority() {
        NbaResult r = engine().capacity(Capacity.custom().channel(Channel.PHONE, 1).perCustomer(5).build()).build()
                .run(frame(), WEAK_MARKET, ProgressListener.none());

        // Phone candidates: UNASSESSED reduce 52.5, TRADER reduce 30, TRADER wm 14.4: one call only.
        assertThat(r.actionIds(UNASSESSED)).startsWith("REDUCE_EXPOSURE");
        assertThat(r.actionIds(TRADER)).containsExactly("IPO_SUBSCRIPTION", "MORNING_NOTE", "RESEARCH_EMAIL");
        assertThat(r.drop(TRADER, "REDUCE_EXPOSURE")).get().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Stage.CAPACITY);
            assertThat(d.reason().code()).isEqualTo("CHANNEL_FULL");
        });
        assertThat(r.dropCounts()).containsEntry(Stage.CAPACITY, 2L);
    }

    @Test
    @DisplayName("branch capacity counts only the branch's channels and the branch's customers")
    void branchCapacity() {
        NbaResult r = engine().capacity(Capacity.custom().branchChannels(Channel.PHONE).branch("BR_A", 1)
                .perCustomer(5).build()).build().run(frame(), WEAK_MARKET, ProgressListener.none());

        assertThat(r.actionIds(UNASSESSED)).startsWith("REDUCE_EXPOSURE");
        assertThat(r.drop(TRADER, "REDUCE_EXPOSURE")).get().extracting(d -> d.reason().code()).isEqualTo("BRANCH_FULL");
        assertThat(r.drop(TRADER, "REDUCE_EXPOSURE")).get().extracting(d -> d.reason().text())
                .isEqualTo("Capacity of the branch BR_A (1) already taken by higher priorities");
        assertThat(r.actionIds(TRADER)).containsExactly("IPO_SUBSCRIPTION", "MORNING_NOTE", "RESEARCH_EMAIL");
    }

    @Test
    @DisplayName("each customer gets at most perCustomer actions; the rest drop at the customer limit")
    void perCustomerLimit() {
        NbaResult r = engine().capacity(Capacity.unlimited(2)).build().run(frame(), WEAK_MARKET, ProgressListener.none());

        assertThat(r.actionIds(TRADER)).containsExactly("REDUCE_EXPOSURE", "IPO_SUBSCRIPTION");
        assertThat(r.drop(TRADER, "STABLE_WM")).get().extracting(Drop::stage, d -> d.reason().code())
                .containsExactly(Stage.CAPACITY, "CUSTOMER_LIMIT");
    }

    @Test
    @DisplayName("the contact gate can deny or defer, and the drop carries its reason")
    void contactGate() {
        Instant nextWeek = NOW.plusSeconds(7 * 86_400);
        ContactGate gate = (frame, row, channel, purpose, at) -> {
            assertThat(at).isEqualTo(NOW);
            if (channel == Channel.EMAIL) {
                return ContactDecision.deny("NO_EMAIL_CONSENT", "No consent to research by e-mail");
            }
            if (channel == Channel.PHONE && frame.ids()[row] == 101) {
                return ContactDecision.defer(nextWeek, "WEEKLY_CAP", "Called twice this week already");
            }
            return ContactDecision.allow();
        };
        NbaResult r = engine().contactGate(gate).build().run(frame(), WEAK_MARKET, ProgressListener.none());

        assertThat(r.actionIds(TRADER)).containsExactly("IPO_SUBSCRIPTION", "MORNING_NOTE");
        assertThat(r.drop(TRADER, "RESEARCH_EMAIL")).get().extracting(Drop::stage, d -> d.reason().code())
                .containsExactly(Stage.CONTACT, "NO_EMAIL_CONSENT");
        assertThat(r.drop(TRADER, "REDUCE_EXPOSURE")).get().extracting(d -> d.reason().text())
                .isEqualTo("Called twice this week already (deferred until 2026-12-08T07:00:00Z)");
        assertThat(r.dropCounts()).containsEntry(Stage.CONTACT, 4L); // trader: email, reduce, wm; unassessed: email
    }

    @Test
    @DisplayName("a rule over an unknown feature or a missing risk feature is refused, naming it")
    void badConfigurationNamed() {
        FeatureFrame noRisk = FeatureFrame.builder(1).doubles("equity_share", new double[] {0.5}).build();
        assertThatThrownBy(() -> engine().build().run(noRisk, WEAK_MARKET, ProgressListener.none()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("feature 'p_ipo'");
        NextBestAction onlyIpo = NextBestAction.custom().proposition(Proposition.builder("IPO")
                .product("NEW_SHARES", RiskTolerance.GROWTH).build()).build();
        assertThatThrownBy(() -> onlyIpo.run(noRisk, ProgressListener.none()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("risk_tolerance");
        assertThatThrownBy(() -> engine().build().run(frame(), NbaContext.of(Map.of("NOPE", 1.0)), ProgressListener.none()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("context.weights.NOPE");
        assertThatThrownBy(() -> Proposition.builder("bad id")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("proposition.id");
        assertThatThrownBy(() -> Proposition.builder("X").value(-1).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("proposition.value");
        assertThatThrownBy(() -> Proposition.builder("X").eligibility("equity_share >>= 1"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Capacity.custom().perCustomer(21)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("capacity.perCustomer");
        assertThatThrownBy(() -> NextBestAction.custom().build()).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("an empty frame gives no actions and no drops; a row outside the frame is refused")
    void emptyFrame() {
        FeatureFrame empty = FeatureFrame.builder(0).doubles("equity_share", new double[0]).ints("frequency", new int[0])
                .doubles("digital_share", new double[0]).doubles("idle_cash", new double[0]).ints("holds_wm", new int[0])
                .ints("morning_note", new int[0]).doubles("p_note", new double[0]).doubles("p_reduce", new double[0])
                .doubles("p_wm", new double[0]).doubles("p_ipo", new double[0])
                .categories("risk_tolerance", new int[0], List.of("GROWTH")).build();
        NbaResult r = engine().build().run(empty, WEAK_MARKET, ProgressListener.none());
        assertThat(r.recommendedCount()).isZero();
        assertThat(r.dropCounts().values()).containsOnly(0L);
        assertThatThrownBy(() -> r.actions(0)).isInstanceOf(ValidationException.class).hasMessageContaining("row");
    }
}

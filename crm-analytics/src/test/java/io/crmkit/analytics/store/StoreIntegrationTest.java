package io.crmkit.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.score.ScorecardResult;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierChangeReason;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.Actor;
import io.crmkit.core.tier.TierDefinition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<CrmEvent> events = new ArrayList<>();
    private Crm crm;
    private CrmSession job;
    private Customer active;
    private Customer silent;
    private Customer dollars;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(CLOCK).listener(events::add).build();
        job = crm.as(Actor.system("nightly-tiering"));
        job.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));
        active = job.customers().register(NewCustomer.individual("Canary Person One")
                .birthDate(LocalDate.of(1980, 5, 1)).profile(Profile.EMPTY.withIncomeBand("100k-300k")).active().build());
        silent = job.customers().register(NewCustomer.individual("Canary Person Two").build());
        dollars = job.customers().register(NewCustomer.institution("Canary Holdings Ltd").build());

        LinkedAccount acc = job.accounts().link(NewAccount.of(active.id(), "trading", "A-1", ProductLine.BROKERAGE,
                Money.currency("CNY")));
        job.accounts().recordSnapshot(new AccountSnapshot(acc.id(), LocalDate.of(2025, 12, 31),
                Money.of("100000", "CNY"), List.of()));
        job.accounts().recordSnapshot(new AccountSnapshot(acc.id(), LocalDate.of(2026, 3, 30), Money.of("20000", "CNY"),
                List.of(new Holding("600519", AssetClass.EQUITY, new BigDecimal("20"), Money.of("30000", "CNY")),
                        new Holding("F001", AssetClass.FUND, new BigDecimal("100"), Money.of("10000", "CNY")))));
        LinkedAccount usd = job.accounts().link(NewAccount.of(dollars.id(), "trading", "B-1", ProductLine.BROKERAGE,
                Money.currency("USD")));
        job.accounts().recordSnapshot(new AccountSnapshot(usd.id(), LocalDate.of(2026, 3, 1), Money.of("5000", "USD"),
                List.of()));

        record(Channel.APP, Direction.INBOUND, "2026-03-21T09:00:00Z", null);
        record(Channel.PHONE, Direction.OUTBOUND, "2026-01-10T09:00:00Z", Outcome.COMPLETED);
        record(Channel.PHONE, Direction.INBOUND, "2026-03-25T09:00:00Z", Outcome.COMPLAINT);
        record(Channel.BRANCH_VISIT, Direction.INBOUND, "2025-06-01T09:00:00Z", null); // before the window
    }

    private void record(Channel channel, Direction direction, String at, Outcome outcome) {
        job.interactions().record(NewInteraction.of(active.id(), channel, direction).at(Instant.parse(at))
                .subject("Service contact").outcome(outcome).build());
    }

    private FeatureFrame read() {
        return StoreFeatureReader.custom().clock(CLOCK).build().read(crm.store(), ProgressListener.none());
    }

    @Test
    @DisplayName("reads customers, accounts, snapshots and interactions into features")
    void readsFeatures() {
        StoreFeatureReader reader = StoreFeatureReader.custom().clock(CLOCK).build();
        List<String> stages = new ArrayList<>();
        FeatureFrame f = reader.read(crm.store(), (stage, done, total) -> stages.add(stage));
        assertThat(stages).contains("customers", "accounts", "interactions", "tasks");
        assertThat(f.size()).isEqualTo(3);
        int a = f.rowOfKey(active.id().value());
        int s = f.rowOfKey(silent.id().value());
        int d = f.rowOfKey(dollars.id().value());
        assertThat(f.ints("age")[a]).isEqualTo(45);
        assertThat(f.ints("age")[s]).isEqualTo(-1);
        assertThat(f.doubles("aum")[a]).isEqualTo(60_000);
        assertThat(f.doubles("aum_change_pct")[a]).isCloseTo(-40, within(1e-9));
        assertThat(f.doubles("equity_share")[a]).isCloseTo(0.5, within(1e-12));
        assertThat(f.doubles("top_position_share")[a]).isCloseTo(0.5, within(1e-12));
        assertThat(f.ints("interactions")[a]).isEqualTo(3);
        assertThat(f.ints("frequency")[a]).isEqualTo(2);
        assertThat(f.ints("recency_days")[a]).isEqualTo(6);
        assertThat(f.ints("days_since_login")[a]).isEqualTo(10);
        assertThat(f.ints("days_since_contact")[a]).isEqualTo(80);
        assertThat(f.doubles("digital_share")[a]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(f.ints("open_complaints")[a]).isEqualTo(1);
        assertThat(f.ints("recency_days")[s]).isEqualTo(365);
        assertThat(f.categoryLevels("income_band")).containsExactly("L100K_300K");
        assertThat(f.categoryLevels("tier")).containsExactly("PLATINUM", "GOLD", "SILVER", "BRONZE");
        assertThat(f.doubles("aum")[d]).isZero();
        assertThat(reader.readWithReport(crm.store(), ProgressListener.none()).skippedAmounts()).isEqualTo(1);
        assertThat(Segment.parse("s", "lifecycle = ACTIVE and open_complaints >= 1").members(f).customerIds())
                .containsExactly(f.ids()[a]);
    }

    @Test
    @DisplayName("marks prospects referred by a customer for the lead scorecard")
    void referredProspects() {
        Customer prospect = job.customers().register(NewCustomer.individual("Canary Prospect").build());
        job.customers().relate(prospect.id(), RelationshipType.REFERRED_BY, active.id(), null);
        FeatureFrame f = read();
        assertThat(f.ints("referred")[f.rowOfKey(prospect.id().value())]).isEqualTo(1);
        assertThat(f.ints("referred")[f.rowOfKey(active.id().value())]).isZero();
        assertThat(f.ints("days_since_created")[f.rowOfKey(prospect.id().value())]).isZero();
    }

    @Test
    @DisplayName("writes tier changes through the tier service, which records history and fires events")
    void writesTierChanges() {
        FeatureFrame f = read();
        CoreTierSync sync = CoreTierSync.of(job, crm.store());
        TierLadder ladder = sync.ladder();
        assertThat(ladder.codes()).containsExactly("PLATINUM", "GOLD", "SILVER", "BRONZE");
        TierEngine engine = TierEngine.of(ThresholdTierPolicy.custom().tier("PLATINUM", 85).tier("GOLD", 70)
                .tier("SILVER", 50).otherwise("BRONZE").build(), TierEngineConfig.custom().clock(CLOCK).build());
        double[] scores = new double[3];
        int a = f.rowOfKey(active.id().value());
        int s = f.rowOfKey(silent.id().value());
        int d = f.rowOfKey(dollars.id().value());
        scores[a] = 90;
        scores[s] = 10;
        scores[d] = 60;
        TierState before = sync.previousState(f, ladder, key -> 0);
        TierRun run = engine.run(f.ids(), scores, before, sync.overrides(f, NOW), ProgressListener.none());
        assertThat(sync.write(run, f)).isEqualTo(3);
        assertThat(job.customers().get(active.id()).tier()).isEqualTo(TierCode.of("PLATINUM"));
        assertThat(job.tiers().current(silent.id()).orElseThrow().reason())
                .isEqualTo("nightly tiering: first tier: score 10.0 is below every higher tier");
        assertThat(events.stream().filter(e -> e instanceof CrmEvent.TierChanged).count()).isEqualTo(3);

        // A manual override for the silent customer; the active one drops below PLATINUM for one period.
        job.tiers().assignManually(silent.id(), TierCode.of("GOLD"), "Retention agreement", NOW.plusSeconds(86_400));
        scores[a] = 60;
        TierState next = sync.previousState(f, ladder, key -> run.nextState().belowPeriods(f.rowOfKey(key)));
        assertThat(next.overridden(s)).isTrue();
        TierRun second = engine.run(f.ids(), scores, next, sync.overrides(f, NOW), ProgressListener.none());
        assertThat(second.reason(a)).isEqualTo(TierChangeReason.HELD);
        assertThat(second.tier(s)).isEqualTo("GOLD");
        assertThat(sync.write(second, f)).isZero();
        assertThat(job.customers().get(silent.id()).tier()).isEqualTo(TierCode.of("GOLD"));
    }

    @Test
    @DisplayName("rejects a frame without customer keys and bad reader settings")
    void rejectsBadInput() {
        CoreTierSync sync = CoreTierSync.of(job, crm.store());
        FeatureFrame plain = FeatureFrame.builder(1).build();
        assertThatThrownBy(() -> sync.overrides(plain, NOW)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("frame [CustomerKeys]");
        assertThatThrownBy(() -> StoreFeatureReader.custom().windowDays(400).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolationOn("reader.horizonDays")).isTrue());
        assertThatThrownBy(() -> StoreFeatureReader.custom().windowDays(0))
                .hasMessageContaining("reader.windowDays [Range]");
    }

    @Test
    @DisplayName("keeps personal data out of features, results and their text")
    void noPersonalData() {
        // trades come from the host's ledger, not the CRM store
        FeatureFrame f = StoreFeatureReader.custom().clock(CLOCK).hostFeature("trades_change_pct", c -> -60).build()
                .read(crm.store(), ProgressListener.none());
        assertThat(f.doubles("trades_change_pct")).containsOnly(-60);
        assertThat(f.toString()).doesNotContain("Canary");
        assertThat(f.categoryLevels("income_band").toString()).doesNotContain("Canary");
        ScorecardResult churn = Scorecards.churnDefaults().score(f);
        for (int r = 0; r < f.size(); r++) {
            assertThat(churn.reasons(r).toString()).doesNotContain("Canary");
        }
        assertThat(churn.toString()).doesNotContain("Canary");
        assertThatThrownBy(() -> Segment.parse("s", "name = CANARY").members(f))
                .hasMessageNotContaining("Canary").hasMessageContaining("unknown feature 'name'");
    }
}

package io.crmkit.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.store.SpiProbe;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.RelationshipType;
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
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The quarter 2026-01-01..2026-03-31 of a small branch, built through the services and read back
 * from the store in bulk; expected values worked out by hand.
 */
class StorePerformanceTest {

    static final StaffId RM = StaffId.of("rm-1");
    static final StaffId BROKER = StaffId.of("bk-1");

    static CrmStore world(SpiProbe.MutableClock clock, CrmStore store) {
        Crm crm = Crm.builder().store(store).clock(clock).build();
        CrmSession s = crm.as(Actor.system("setup"));
        clock.set("2025-12-01T09:00:00Z");
        s.organisation().addUnit(OrgUnitId.of("ho"), "Head office", OrgUnitType.HEAD_OFFICE, null);
        s.organisation().addUnit(OrgUnitId.of("br-1"), "Branch 1", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        s.organisation().addUnit(OrgUnitId.of("team-1"), "Team 1", OrgUnitType.TEAM, OrgUnitId.of("br-1"));
        s.organisation().addStaff(RM, "Staff One", OrgUnitId.of("team-1"), Set.of("RM"));
        s.organisation().addStaff(BROKER, "Staff Two", OrgUnitId.of("br-1"), Set.of("BROKER"));
        Customer a = s.customers().register(NewCustomer.individual("Canary One").owner(RM).active().build());
        Customer b = s.customers().register(NewCustomer.individual("Canary Two").owner(RM).active().build());
        Customer c = s.customers().register(NewCustomer.individual("Canary Three").owner(BROKER)
                .initialStage(LifecycleStage.PROSPECT).build());
        s.customers().relate(c.id(), RelationshipType.REFERRED_BY, a.id(), null);
        LinkedAccount accA = s.accounts().link(NewAccount.of(a.id(), "trading", "A-1", ProductLine.BROKERAGE,
                Money.currency("CNY")));
        s.accounts().link(NewAccount.of(a.id(), "bank", "D-1", ProductLine.DEPOSIT, Money.currency("CNY")));
        LinkedAccount accB = s.accounts().link(NewAccount.of(b.id(), "trading", "B-1", ProductLine.BROKERAGE,
                Money.currency("CNY")));
        PipelineId p = s.opportunities().definePipeline(PipelineId.of("wm"), "Wealth", List.of(
                Stage.open("LEAD", "Lead", 10), Stage.open("PROPOSAL", "Proposal", 60), Stage.won("WON", "Won"),
                Stage.lost("LOST", "Lost"))).id();
        s.interactions().record(NewInteraction.of(a.id(), Channel.PHONE, Direction.OUTBOUND)
                .at(Instant.parse("2025-11-20T09:00:00Z")).subject("Before the quarter").build());
        clock.set("2026-01-15T09:00:00Z");
        // a: 1000 cash + 10 x 100 at the start; 1500 cash + 10 x 120 at the end: market 200, flows 500.
        s.accounts().recordSnapshot(new AccountSnapshot(accA.id(), LocalDate.of(2025, 12, 31), Money.of("1000", "CNY"),
                List.of(new Holding("600519", AssetClass.EQUITY, BigDecimal.TEN, Money.of("1000", "CNY")))));
        // b: 500 at the start, all withdrawn, then churned.
        s.accounts().recordSnapshot(new AccountSnapshot(accB.id(), LocalDate.of(2025, 12, 31), Money.of("500", "CNY"),
                List.of()));
        Opportunity open = s.opportunities().open(NewOpportunity.of(a.id(), p, "Fund switch", Money.of("10000", "CNY"),
                OpportunitySource.REFERRAL).owner(RM).expectedClose(LocalDate.of(2026, 4, 15)));
        s.opportunities().moveTo(open.id(), "PROPOSAL", null);
        Opportunity won = s.opportunities().open(NewOpportunity.of(b.id(), p, "Deposit", Money.of("5000", "CNY"),
                OpportunitySource.CAMPAIGN).owner(RM));
        clock.set("2026-02-10T09:00:00Z");
        s.interactions().record(NewInteraction.of(a.id(), Channel.APP, Direction.INBOUND)
                .at(Instant.parse("2026-02-01T09:00:00Z")).subject("Login").build());
        s.interactions().record(NewInteraction.of(a.id(), Channel.PHONE, Direction.OUTBOUND)
                .at(Instant.parse("2026-02-02T09:00:00Z")).subject("Review").build());
        s.interactions().record(NewInteraction.of(b.id(), Channel.PHONE, Direction.INBOUND)
                .at(Instant.parse("2026-01-20T09:00:00Z")).subject("Withdrawal").build());
        s.opportunities().win(won.id(), null);
        clock.set("2026-02-15T09:00:00Z");
        s.customers().changeLifecycle(b.id(), LifecycleStage.CHURNED, LocalDate.of(2026, 2, 15), "moved away");
        clock.set("2026-03-01T09:00:00Z");
        s.customers().changeLifecycle(c.id(), LifecycleStage.ACTIVE, LocalDate.of(2026, 3, 1), "opened an account");
        clock.set("2026-04-01T06:00:00Z");
        s.accounts().recordSnapshot(new AccountSnapshot(accA.id(), LocalDate.of(2026, 3, 31), Money.of("1500", "CNY"),
                List.of(new Holding("600519", AssetClass.EQUITY, BigDecimal.TEN, Money.of("1200", "CNY")))));
        s.accounts().recordSnapshot(new AccountSnapshot(accB.id(), LocalDate.of(2026, 3, 31), Money.of("0", "CNY"),
                List.of()));
        return store;
    }

    static PerformanceReport read(CrmStore store) {
        return PerformanceReport.of(StorePerformanceReader.custom()
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).build().read(store, ProgressListener.none()));
    }

    @Test
    @DisplayName("the quarter read from the store: the RM's book, the broker's referral, the branch and the forecast")
    void quarterFromStore() {
        SpiProbe probe = new SpiProbe(InMemoryCrmStore.create(), false);
        CrmStore store = world(new SpiProbe.MutableClock(), probe.store());
        probe.reset();
        PerformanceReport r = read(store);

        PerformerStats rm = r.staff("rm-1");
        assertThat(rm.customers()).isEqualTo(1);                   // a; b churned
        assertThat(rm.customersAtStart()).isEqualTo(2);
        assertThat(rm.retentionByHead()).isEqualTo(0.5);
        assertThat(rm.assetsAtStart()).isEqualTo(2500);            // a 2000 + b 500
        assertThat(rm.assetsAtEnd()).isEqualTo(2700);
        assertThat(rm.marketMovement()).isCloseTo(200, within(1e-9));   // 10 x (120 - 100)
        assertThat(rm.netNewAssets()).isCloseTo(0, within(1e-9));  // a +500, b -500
        assertThat(rm.assetRetention()).isEqualTo(0.8);            // 2000 of 2500
        assertThat(rm.interactions()).isEqualTo(3);                // November's is before the quarter
        assertThat(rm.opportunitiesOpened()).isEqualTo(2);
        assertThat(rm.opportunitiesWon()).isEqualTo(1);
        assertThat(rm.conversion()).isEqualTo(1);
        assertThat(rm.weightedPipeline()).isEqualTo(6000);         // 10,000 at PROPOSAL, 60%
        assertThat(rm.productsPerCustomer()).isEqualTo(2);         // a: brokerage and deposit
        assertThat(rm.referrals()).isEqualTo(1);                   // a referred c
        assertThat(rm.referralsConverted()).isEqualTo(1);          // c became ACTIVE on 1 March
        PerformerStats broker = r.staff("bk-1");
        assertThat(broker.customers()).isEqualTo(1);               // c, active at the end
        assertThat(broker.customersAtStart()).isZero();
        assertThat(r.unit("br-1").customers()).isEqualTo(2);
        assertThat(r.unit("ho").retained()).isEqualTo(1);
        assertThat(r.forecast()).containsExactly(new ForecastMonth(YearMonth.of(2026, 4), 1, 10_000, 6000));
        assertThat(r.referrers()).hasSize(1).first().extracting(ReferrerStats::referred, ReferrerStats::converted)
                .containsExactly(1L, 1L);
        assertThat(probe.perCustomerCalls()).isZero();
    }

    @Test
    @DisplayName("a store with only the SPI's default batch methods gives the same report")
    void defaultBatchMethodsAgree() {
        SpiProbe memory = new SpiProbe(InMemoryCrmStore.create(), false);
        SpiProbe defaults = new SpiProbe(InMemoryCrmStore.create(), true);
        PerformanceReport a = read(world(new SpiProbe.MutableClock(), memory.store()));
        CrmStore store = world(new SpiProbe.MutableClock(), defaults.store());
        defaults.reset();
        PerformanceReport b = read(store);
        assertThat(b.staff()).isEqualTo(a.staff());
        assertThat(b.units()).isEqualTo(a.units());
        assertThat(b.forecast()).isEqualTo(a.forecast());
        assertThat(defaults.perCustomerCalls()).isPositive();      // the defaults ask once per id
    }
}

package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Customer360;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The examples run and show what the README says they show")
class ExamplesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("the quickstart's main runs on the embedded default")
    void quickstartMain() {
        Quickstart.main(new String[0]);
    }

    @Test
    @DisplayName("the quickstart builds a 360 view with the tier, snapshot, de-duplicated timeline, opportunity and task")
    void quickstartView() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Customer360 view = Quickstart.run(InMemoryCrmStore.create(), CLOCK, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(view.interactionCount()).isEqualTo(2);
        assertThat(view.tier().name()).isEqualTo("Gold");
        assertThat(view.openOpportunities()).singleElement().satisfies(o -> assertThat(o.stage()).isEqualTo("PROPOSAL"));
        assertThat(view.openTasks()).hasSize(1);
        assertThat(out).contains("=== Customer 360: Zhang Wei (张伟)", "Refused: 3 violation(s)", "amount [NotNegative]",
                "probability [Max]", "name [NotBlank]", "745000 CNY", "TASK_DUE");
    }

    @Test
    @DisplayName("the quickstart runs unchanged on H2 through crm-jpa with one switch")
    void quickstartOnH2() {
        Quickstart.main(new String[] {"--store=h2"});
        try (Stores.Opened h2 = Stores.open("h2")) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            Customer360 view = Quickstart.run(h2.store(), CLOCK, new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertThat(h2.store().getClass().getName()).contains("jpa");
            assertThat(view.interactionCount()).isEqualTo(2);
            assertThat(view.tier().name()).isEqualTo("Gold");
            assertThat(view.latestSnapshots().values()).singleElement()
                    .satisfies(s -> assertThat(s.totalValue().amount()).isEqualByComparingTo("745000"));
        }
    }

    @Test
    @DisplayName("the nightly analytics job tiers every customer (top 4% platinum), lists the at-risk with reasons and ranks")
    void nightlyAnalytics() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InMemoryCrmStore store = InMemoryCrmStore.create();
        NightlyAnalytics.Night night = NightlyAnalytics.run(store, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(night.customers()).isEqualTo(300);
        assertThat(night.tiers().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(night.tiers().get("PLATINUM")).isEqualTo(12);
        assertThat(night.tierChangesWritten()).isEqualTo(300);
        assertThat(night.atRisk()).isPositive();
        assertThat(night.coreSegment()).isBetween(1, 12 + 33);
        assertThat(night.top20Share()).isBetween(0.2, 1.0);
        assertThat(night.gini()).isBetween(0.0, 1.0);
        assertThat(night.topAssets()).hasSize(5);
        assertThat(night.topAssets().get(0).value()).isGreaterThanOrEqualTo(night.topAssets().get(4).value());
        assertThat(night.topSecurities()).hasSize(3);
        assertThat(out).contains("=== Nightly analytics over 300 customers", "At risk (", "points: [", "Top 5 by assets");
        // Lifetime value, cross-sell, clusters, next best actions and staff figures, checked against the store and ledger.
        assertThat(out).contains("Lifetime value (BG/NBD", "Cross-sell: ", "Clusters: ", "Next best actions", "Staff and broker figures");
        io.crmkit.examples.desk.InsightChecks.agree(night.dashboard(), night.trades(),
                new io.crmkit.examples.desk.IndependentFigures(store));
    }

    @Test
    @DisplayName("the trading desk turns its simulated order and cash flow into the scripted alerts, tasks and a woken customer")
    void tradingDesk() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-12-12T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
        TradingDesk.Desk desk = TradingDesk.run(InMemoryCrmStore.create(), clock, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(desk.alertsByRule()).containsEntry("large-withdrawal", 1).containsEntry("brute-force-login", 1)
                .containsEntry("back-from-dormant", 1).containsEntry("margin-stress", 1).containsEntry("turnover-spike", 1)
                .hasSize(5);
        assertThat(desk.tasks()).isEqualTo(3);
        assertThat(desk.openForRmB()).as("five raised, one resolved").isEqualTo(4);
        assertThat(desk.dormantCustomerNow()).isEqualTo(io.crmkit.core.customer.LifecycleStage.ACTIVE);
        assertThat(desk.stats().failed()).isZero();
        assertThat(desk.stats().written()).isEqualTo(desk.alertsByRule().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(out).contains("=== Trading desk: 60 customers", "ALERT CRITICAL brute-force-login",
                "NOTICE security-check", "TASK ", "=== resolved ");
    }

    @Test
    @DisplayName("the service desk runs a complaint through its 24-hour SLA (warning, breach, escalation) and reports NPS")
    void serviceDesk() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ServiceDesk.Desk desk = ServiceDesk.run(InMemoryCrmStore.create(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(desk.ticks().get(0).escalations()).isEmpty();
        assertThat(desk.ticks().get(1).escalations()).singleElement().satisfies(e -> {
            assertThat(e.percent()).isEqualTo(75);
            assertThat(e.notified()).isEqualTo(ServiceDesk.RM);
        });
        assertThat(desk.ticks().get(2).breaches()).isEqualTo(1);
        assertThat(desk.ticks().get(2).escalations().get(0).notified()).isEqualTo(ServiceDesk.LEAD);
        assertThat(desk.ticks().get(3).escalations()).extracting(e -> e.notified()).contains(ServiceDesk.MANAGER);
        assertThat(desk.complaint().status()).isEqualTo(io.crmkit.core.casework.CaseStatus.RESOLVED);
        assertThat(desk.survey().sent()).isTrue();
        assertThat(desk.followUps()).hasSize(1);
        assertThat(desk.report().total().responses()).isEqualTo(5);
        // scores 4, 10, 9, 8, 6: two promoters, two detractors of five
        assertThat(desk.report().total().nps()).isEqualTo(0.0);
        assertThat(out).contains("complaint-24h at 75% (warning) -> OWNER li.na", "at 100% (breach) -> TEAM_LEAD wang.qiang",
                "at 150% (breach) -> BRANCH_MANAGER chen.jie", "Survey: sent", "NPS");
        assertThat(out).doesNotContain("Took too long", "Refunded the second");
    }
}

package io.crmkit.examples;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.concentration.Concentration;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
import io.crmkit.analytics.nba.Capacity;
import io.crmkit.analytics.nba.NbaContext;
import io.crmkit.analytics.nba.NbaResult;
import io.crmkit.analytics.nba.NextBestAction;
import io.crmkit.analytics.nba.Proposition;
import io.crmkit.analytics.nba.Stage;
import io.crmkit.analytics.performance.PerformanceReport;
import io.crmkit.analytics.performance.PerformerStats;
import io.crmkit.analytics.performance.StorePerformanceReader;
import io.crmkit.analytics.rank.RankedEntry;
import io.crmkit.analytics.rank.SecurityMetric;
import io.crmkit.analytics.rank.SecurityRanking;
import io.crmkit.analytics.rank.SecurityStats;
import io.crmkit.analytics.rank.TopN;
import io.crmkit.analytics.score.Reason;
import io.crmkit.analytics.segment.GridSegmentation;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.segment.SegmentStatistics;
import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.examples.desk.Dashboard;
import io.crmkit.examples.desk.DashboardReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The head office's nightly job over a brokerage book: read the feature frame from the CRM, score
 * RFM, value and churn risk, tier by percentile (top 4% platinum) with hysteresis, write tier
 * changes through the tier service, and print the tiers, the at-risk list with its reasons, segment
 * statistics, rankings and revenue concentration; then the next best actions of the morning (the
 * domain's brokerage example: morning note, research by e-mail, reduce exposure in a weak market,
 * new shares with idle cash, never above the customer's risk tolerance) and the quarter's figures
 * per relationship manager, broker, team and branch; and the customer insights ({@link NightInsights}): lifetime
 * value fitted on the host's trade ledger (BG/NBD and Gamma-Gamma), cross-sell rules over the product lines held
 * with a partner product per customer, and k-means clusters described in words.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.crmkit.examples.NightlyAnalytics};
 * add {@code -Dexec.args="--report=target/nightly-report.html"} to also write the night's dashboard as one
 * self-contained, printable HTML file ({@link DashboardReport}).
 */
public final class NightlyAnalytics {
    static final Instant NOW = Instant.parse("2026-03-31T20:00:00Z");
    private static final String[] SECURITIES = {"600519.SH", "000001.SZ", "300750.SZ", "601318.SH", "510300.SH"};

    private NightlyAnalytics() {}

    /**
     * What one night produced: the figures the example's test checks and the dashboard the branch desk
     * and the printable report show.
     */
    public record Night(int customers, Map<String, Integer> tiers, int tierChangesWritten, int atRisk, int coreSegment, double top20Share,
            double gini, List<RankedEntry> topAssets, List<SecurityStats> topSecurities, long nbaActions,
            Map<Stage, Long> nbaDrops, List<PerformerStats> staff, Dashboard dashboard,
            Map<String, List<NightInsights.Trade>> trades) {}

    private static final StaffId[] OWNERS = {StaffId.of("rm-001"), StaffId.of("rm-002"), StaffId.of("bk-001")};

    /** Arguments: {@code --store=memory|h2} and {@code --report=<file.html>}, in any order. */
    public static void main(String[] args) {
        String store = "memory";
        Path report = null;
        for (String arg : args) {
            if (arg.startsWith("--store=")) {
                store = arg.substring("--store=".length());
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument: use --store=memory|h2 and --report=<file.html>");
            }
        }
        try (Stores.Opened opened = Stores.open(store)) {
            Night night = run(opened.store(), System.out);
            if (report != null) {
                DashboardReport.write(night.dashboard(), report);
                System.out.println("Printable report written to " + report.toAbsolutePath());
            }
        }
    }

    /** Seeds the demo book into {@code store}, runs the night over it and prints what it found. */
    public static Night run(CrmStore store, PrintStream out) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Crm crm = Crm.builder().store(store).clock(clock).build();
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        job.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));

        // A seeded book of 300 brokerage customers: assets at the start and the end of the quarter,
        // one position each, a few contacts (some of them complaints), and commission from the ledger.
        job.organisation().addUnit(OrgUnitId.of("ho"), "Head office", OrgUnitType.HEAD_OFFICE, null);
        job.organisation().addUnit(OrgUnitId.of("br-sh-01"), "Shanghai branch", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        job.organisation().addUnit(OrgUnitId.of("team-a"), "Team A", OrgUnitType.TEAM, OrgUnitId.of("br-sh-01"));
        job.organisation().addStaff(OWNERS[0], "Relationship manager 1", OrgUnitId.of("team-a"), Set.of("RM"));
        job.organisation().addStaff(OWNERS[1], "Relationship manager 2", OrgUnitId.of("team-a"), Set.of("RM"));
        job.organisation().addStaff(OWNERS[2], "Broker 1", OrgUnitId.of("br-sh-01"), Set.of("BROKER"));
        List<Customer> book = new java.util.ArrayList<>();
        Map<String, Double> cash = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(8);
        Map<String, Double> commission = new HashMap<>();
        SecurityRanking.Builder securities = SecurityRanking.builder();
        int customers = 300;
        for (int i = 0; i < customers; i++) {
            Customer c = job.customers().register(NewCustomer.individual("Customer " + i)
                    .birthDate(LocalDate.of(1950 + rnd.nextInt(55), 6, 1)).owner(OWNERS[i % 3])
                    .branch(OrgUnitId.of("br-sh-01")).profile(Profile.EMPTY.withRiskTolerance(RiskTolerance.values()[i % 5]))
                    .active().build());
            book.add(c);
            LinkedAccount a = job.accounts().link(NewAccount.of(c.id(), "trading", "T" + i, ProductLine.BROKERAGE,
                    Money.currency("CNY")));
            long before = 10_000 + rnd.nextInt(2_000_000);
            long after = (long) (before * (0.5 + rnd.nextDouble()));
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2025, 12, 31),
                    Money.of(BigDecimal.valueOf(before), Money.currency("CNY")), List.of()));
            String security = SECURITIES[rnd.nextInt(SECURITIES.length)];
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2026, 3, 31),
                    Money.of(BigDecimal.valueOf(after - after / 2), Money.currency("CNY")),
                    List.of(new Holding(security, AssetClass.EQUITY, BigDecimal.TEN,
                            Money.of(BigDecimal.valueOf(after / 2), Money.currency("CNY"))))));
            cash.put(c.id().value(), (double) (after - after / 2));
            securities.holding(i, security, after / 2.0).trade(security, rnd.nextInt(100_000));
            int contacts = rnd.nextInt(4);
            for (int k = 0; k < contacts; k++) {
                job.interactions().record(NewInteraction.of(c.id(), k % 2 == 0 ? Channel.APP : Channel.PHONE,
                        k % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND).at(NOW.minusSeconds(86_400L * rnd.nextInt(120)))
                        .subject("Contact").outcome(rnd.nextInt(15) == 0 ? Outcome.COMPLAINT : Outcome.COMPLETED).build());
            }
            commission.put(c.id().value(), rnd.nextInt(20) * 500.0);
        }
        // Deposits, funds, insurance and cards next to the trading accounts (the cross-sell rules' data), and
        // the host's trade ledger (the lifetime-value models' data).
        NightInsights.seedProducts(job, book);
        Map<String, List<NightInsights.Trade>> trades = NightInsights.seedTrades(book, LocalDate.of(2026, 3, 31));
        for (int i = 1; i < customers; i += 50) { // a few customers introduced by the one before them
            job.customers().relate(book.get(i).id(), RelationshipType.REFERRED_BY, book.get(i - 1).id(), null);
        }

        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < book.size(); i++) {
            position.put(book.get(i).id().value(), i);
        }
        // The night: features from the store plus the host's ledger, then scores and tiers.
        FeatureFrame frame = StoreFeatureReader.custom().clock(clock).readTasks(false)
                .hostFeature("contribution", c -> commission.get(c.id().value()))
                .hostFeature("monetary", c -> commission.get(c.id().value()) * 40)
                // every eighth customer of the book trades far less: by position, not by the generated id, so every run
                // of the example flags the same customers
                .hostFeature("trades_change_pct", c -> position.get(c.id().value()) % 8 == 0 ? -70 : 0)
                .build().read(crm.store(), ProgressListener.none());
        CoreTierSync sync = CoreTierSync.of(job, crm.store());
        NightlyJob nightly = NightlyJob.custom().tiers(TierEngine.of(NightlyJob.ofDefaults().tierEngine().policy(),
                TierEngineConfig.custom().clock(clock).build())).build();
        NightlyResult night = nightly.run(frame, sync.previousState(frame, sync.ladder(), key -> 0),
                sync.overrides(frame, NOW), ProgressListener.none());
        TierRun tiers = night.tiers();
        int written = sync.write(tiers, frame);

        out.println("=== Nightly analytics over " + frame.size() + " customers");
        out.println("Tiers: " + tiers.countByTier() + " (" + written + " changes written to the tier history)");
        int[] atRisk = night.churn().rowsAtLeast("HIGH");
        out.println("At risk (" + atRisk.length + "), first five with reasons:");
        for (int k = 0; k < Math.min(5, atRisk.length); k++) {
            int row = atRisk[k];
            out.println("  " + frame.customerKey(row) + " " + night.churn().points(row) + " points: "
                    + night.churn().reasons(row).stream().map(Reason::text).toList());
        }
        out.println("Segments, age band x assets:");
        GridSegmentation ageByAssets = GridSegmentation.custom().rows("age", 18, 28, 40, 60)
                .columns("aum", 0, 250_000, 500_000, 1_000_000).build();
        List<SegmentStatistics> cells = ageByAssets.assign(frame).statistics("aum", "contribution");
        for (SegmentStatistics s : cells) {
            out.printf("  %-40s %4d customers %6.1f%% of assets%n", s.segment(), s.count(), 100 * s.assetShare());
        }
        // Segments over tiers read the tiers just written: the morning's frame, read again from the store.
        FeatureFrame morning = StoreFeatureReader.custom().clock(clock).readTasks(false)
                .hostFeature("contribution", c -> commission.get(c.id().value()))
                .hostFeature("idle_cash", c -> cash.get(c.id().value()))
                .build().read(crm.store(), ProgressListener.none());
        SegmentStatistics core = Segment.parse("core", "age between 28 and 60 and tier in (GOLD, PLATINUM)")
                .members(morning).statistics("aum", "contribution");
        out.printf("Segment 'core' (age between 28 and 60 and tier in (GOLD, PLATINUM)): %d customers, %.1f%% of assets%n",
                core.count(), 100 * core.assetShare());
        List<RankedEntry> topAssets = TopN.of(frame, "aum", 5);
        out.println("Top 5 by assets:");
        for (RankedEntry e : topAssets) {
            // The store frame numbers its rows; the row gives back the customer id.
            out.printf("  %d. %s %,.0f CNY%n", e.position(), frame.customerKey((int) e.id()), e.value());
        }
        List<SecurityStats> byHolders = securities.build().top(SecurityMetric.HOLDERS, 3);
        out.println("Securities by holders: " + byHolders);
        Concentration revenue = Concentration.of(frame, "contribution");
        out.printf("Top 20%% of customers bring %.1f%% of revenue; Gini %.3f%n", 100 * revenue.shareOfTop(0.2), revenue.gini());
        NbaResult nba = nextBestActions(clock).run(morning, NbaContext.of(Map.of("REDUCE_EXPOSURE", 1.5)),
                ProgressListener.none());
        out.println("Next best actions (weak market): " + nba.recommendedCount() + " actions; dropped by stage "
                + nba.dropCounts());
        for (int row = 0; row < 3; row++) {
            out.println("  " + morning.customerKey(row) + " " + nba.actions(row).stream()
                    .map(a -> a.propositionId() + " (" + String.format("%.1f", a.priority()) + ")").toList()
                    + "; not offered: " + nba.dropped(row).stream()
                    .map(d -> d.propositionId() + " at " + d.stage() + ": " + d.reason().text()).toList());
        }
        PerformanceReport kpis = PerformanceReport.of(StorePerformanceReader.custom()
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                .contribution(c -> commission.get(c.id().value())).build().read(crm.store(), ProgressListener.none()));
        out.println("Staff and broker figures, 2026 Q1:");
        for (PerformerStats p : kpis.staff()) {
            out.printf("  %-7s %-6s %3d customers, assets %,.0f (net new %,.0f, market %,.0f), %d interactions,"
                    + " contribution %,.0f, %d referrals (%d active)%n", p.id(), p.roles(), p.customers(), p.assetsAtEnd(),
                    p.netNewAssets(), p.marketMovement(), p.interactions(), p.contribution(), p.referrals(),
                    p.referralsConverted());
        }
        PerformerStats branch = kpis.unit("br-sh-01");
        out.printf("  branch br-sh-01: %d customers, assets %,.0f, %.2f products per customer%n", branch.customers(),
                branch.assetsAtEnd(), branch.productsPerCustomer());
        Map<String, String> names = new HashMap<>();
        book.forEach(c -> names.put(c.id().value(), c.name().display()));
        Dashboard.Clv clv = NightInsights.lifetimeValue(trades, names, LocalDate.of(2026, 3, 31));
        out.printf("Lifetime value (BG/NBD %s, Gamma-Gamma %s): %,.0f CNY over 12 months from %d customers; most valuable %s%n",
                clv.purchaseModel(), clv.spendModel(), clv.total(), clv.customers(),
                clv.top().stream().map(e -> e.customerId() + String.format(" %,.0f", e.value())).toList());
        List<String> keys = new java.util.ArrayList<>();
        for (int r = 0; r < frame.size(); r++) {
            keys.add(frame.customerKey(r));
        }
        Dashboard.CrossSell crossSell = NightInsights.crossSell(crm.store(), clock, keys, names);
        out.println("Cross-sell: " + crossSell.ruleCount() + " rules, " + crossSell.customersWithSuggestion()
                + " customers with a partner product; " + crossSell.rules().stream().map(Dashboard.Rule::text).limit(3).toList());
        List<Dashboard.Cluster> clusters = NightInsights.clusters(frame);
        out.println("Clusters: " + clusters.stream().map(c -> c.size() + " customers: " + c.description()).toList());
        List<Dashboard.AtRisk> atRiskList = new java.util.ArrayList<>();
        for (int row : atRisk) {
            String key = frame.customerKey(row);
            atRiskList.add(new Dashboard.AtRisk(key, names.getOrDefault(key, key), night.churn().points(row),
                    night.churn().reasons(row).stream().map(Reason::text).toList()));
        }
        atRiskList.sort(java.util.Comparator.comparingInt(Dashboard.AtRisk::points).reversed()
                .thenComparing(Dashboard.AtRisk::customerId));
        Map<String, Long> byProposition = new java.util.LinkedHashMap<>();
        nba.propositionIds().forEach(id -> byProposition.put(id, nba.recommendedCount(id)));
        Map<String, Long> drops = new java.util.LinkedHashMap<>();
        nba.dropCounts().forEach((stage, count) -> drops.put(stage.name(), count));
        List<Dashboard.Staff> staff = kpis.staff().stream().map(p -> new Dashboard.Staff(p.id(),
                String.join(", ", new java.util.TreeSet<>(p.roles())), p.customers(), p.assetsAtEnd(), p.netNewAssets(),
                p.interactions(), p.contribution())).toList();
        Dashboard dashboard = new Dashboard(NOW, frame.size(), job.tiers().definitions().stream()
                .sorted(java.util.Comparator.comparingInt(TierDefinition::rank)).map(d -> new Dashboard.TierCount(d.code().value(), d.name(), tiers.countByTier().getOrDefault(d.code().value(), 0)))
                .toList(), written, revenue.shareOfTop(0.2), revenue.gini(), revenue.paretoCurve(50),
                Dashboard.Grid.of(ageByAssets, cells), atRiskList, clv, crossSell, clusters,
                new Dashboard.Nba(nba.recommendedCount(), byProposition, drops), staff);
        return new Night(frame.size(), tiers.countByTier(), written, atRisk.length, core.count(), revenue.shareOfTop(0.2), revenue.gini(),
                topAssets, byHolders, nba.recommendedCount(), nba.dropCounts(), kpis.staff(), dashboard, trades);
    }

    /** The brokerage propositions; the stable wealth-management product needs a CAUTIOUS tolerance, new shares GROWTH. */
    static NextBestAction nextBestActions(Clock clock) {
        return NextBestAction.custom().clock(clock)
                .proposition(Proposition.builder("MORNING_NOTE").description("Pre-market morning note").channel(Channel.APP)
                        .value(5).eligibility("frequency >= 1").build())
                .proposition(Proposition.builder("RESEARCH_EMAIL").description("Research reports by e-mail")
                        .channel(Channel.EMAIL).purpose(ConsentPurpose.RESEARCH).value(4)
                        .eligibility("equity_share >= 0.4").build())
                .proposition(Proposition.builder("REDUCE_EXPOSURE").description("Suggest reducing equity exposure")
                        .channel(Channel.PHONE).value(20).eligibility("equity_share >= 0.45 and aum >= 500000").build())
                .proposition(Proposition.builder("STABLE_WM").description("Stable wealth-management product")
                        .channel(Channel.PHONE).purpose(ConsentPurpose.MARKETING)
                        .product("WM_STABLE", RiskTolerance.CAUTIOUS).value(12).eligibility("aum >= 200000").build())
                .proposition(Proposition.builder("IPO_SUBSCRIPTION").description("New-share subscription with idle cash")
                        .channel(Channel.APP).purpose(ConsentPurpose.MARKETING).product("NEW_SHARES", RiskTolerance.GROWTH)
                        .value(8).eligibility("idle_cash >= 200000").build())
                .capacity(Capacity.custom().channel(Channel.PHONE, 40).branchChannels(Channel.PHONE).branchDefault(30)
                        .perCustomer(3).build())
                .build();
    }
}

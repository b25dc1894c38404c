package io.crmkit.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.concentration.Concentration;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The head-office night end to end over the in-memory store, as the example application runs it:
 * read the frame, score, tier, write tier changes, then print tiers, the at-risk list with reasons,
 * segment statistics and rankings.
 */
class NightlyOverStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-31T20:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String[] SECURITIES = {"600519", "000001", "300750", "601318", "F001"};

    @Test
    @DisplayName("runs a nightly job over the store's customers and reports tiers, risks, segments and rankings")
    void nightOverTheStore() {
        List<CrmEvent> events = new ArrayList<>();
        Crm crm = Crm.builder().clock(CLOCK).listener(events::add).build();
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        job.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));
        SplittableRandom rnd = new SplittableRandom(8);
        Map<String, Double> commission = new HashMap<>();
        SecurityRanking.Builder securities = SecurityRanking.builder();
        for (int i = 0; i < 300; i++) {
            Customer c = job.customers().register(NewCustomer.individual("Customer " + i)
                    .birthDate(LocalDate.of(1950 + rnd.nextInt(55), 6, 1)).active().build());
            LinkedAccount a = job.accounts().link(NewAccount.of(c.id(), "trading", "T" + i, ProductLine.BROKERAGE,
                    Money.currency("CNY")));
            long before = 10_000 + rnd.nextInt(2_000_000);
            long after = (long) (before * (0.5 + rnd.nextDouble()));
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2025, 12, 31),
                    Money.of(BigDecimal.valueOf(before), Money.currency("CNY")), List.of()));
            String sec = SECURITIES[rnd.nextInt(SECURITIES.length)];
            Money held = Money.of(BigDecimal.valueOf(after / 2), Money.currency("CNY"));
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2026, 3, 31),
                    Money.of(BigDecimal.valueOf(after - after / 2), Money.currency("CNY")),
                    List.of(new Holding(sec, AssetClass.EQUITY, BigDecimal.TEN, held))));
            securities.holding(i, sec, after / 2.0).trade(sec, rnd.nextInt(100_000));
            int contacts = rnd.nextInt(4);
            for (int k = 0; k < contacts; k++) {
                job.interactions().record(NewInteraction.of(c.id(), k % 2 == 0 ? Channel.APP : Channel.PHONE,
                        k % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND).at(NOW.minusSeconds(86_400L * rnd.nextInt(120)))
                        .subject("Contact").outcome(rnd.nextInt(15) == 0 ? Outcome.COMPLAINT : Outcome.COMPLETED).build());
            }
            commission.put(c.id().value(), rnd.nextInt(20) * 500.0);
        }

        FeatureFrame frame = StoreFeatureReader.custom().clock(CLOCK).readTasks(false)
                .hostFeature("contribution", c -> commission.get(c.id().value()))
                .hostFeature("monetary", c -> commission.get(c.id().value()) * 40)
                .hostFeature("trades_change_pct", c -> (c.id().value().hashCode() & 7) == 0 ? -70 : 0)
                .build().read(crm.store(), ProgressListener.none());
        CoreTierSync sync = CoreTierSync.of(job, crm.store());
        NightlyJob nightly = NightlyJob.custom().tiers(TierEngine.of(NightlyJob.ofDefaults().tierEngine().policy(),
                TierEngineConfig.custom().clock(CLOCK).build())).build();
        NightlyResult night = nightly.run(frame, sync.previousState(frame, sync.ladder(), key -> 0),
                sync.overrides(frame, NOW), ProgressListener.none());
        TierRun tiers = night.tiers();
        int written = sync.write(tiers, frame);

        System.out.println("Tiers: " + tiers.countByTier());
        assertThat(tiers.countByTier().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(tiers.countByTier().get("PLATINUM")).isEqualTo(12); // top 4% of 300
        assertThat(written).isEqualTo(300);
        assertThat(events.stream().filter(e -> e instanceof CrmEvent.TierChanged).count()).isEqualTo(300);

        int[] atRisk = night.churn().rowsAtLeast("HIGH");
        System.out.println("At risk: " + atRisk.length);
        for (int k = 0; k < Math.min(5, atRisk.length); k++) {
            int row = atRisk[k];
            List<Reason> reasons = night.churn().reasons(row);
            System.out.println("  " + frame.customerKey(row) + " " + night.churn().points(row) + " points: "
                    + reasons.stream().map(Reason::text).toList());
            assertThat(reasons).isNotEmpty().noneMatch(r -> r.code().equals("NO_FACTOR"));
        }
        assertThat(atRisk).isNotEmpty();

        for (SegmentStatistics s : GridSegmentation.custom().rows("age", 18, 28, 60).columns("aum", 0, 500_000).build()
                .assign(frame).statistics("aum", "contribution")) {
            System.out.printf("  %-40s %4d customers %6.1f%% of assets%n", s.segment(), s.count(), 100 * s.assetShare());
        }
        SegmentStatistics core = Segment.parse("core", "age between 28 and 60 and tier in (GOLD, PLATINUM)")
                .members(frame).statistics("aum", "contribution");
        assertThat(core.count()).isLessThanOrEqualTo(300);

        List<RankedEntry> topAssets = TopN.of(frame, "aum", 5);
        System.out.println("Top by assets: " + topAssets);
        assertThat(topAssets.get(0).value()).isGreaterThanOrEqualTo(topAssets.get(4).value());
        List<SecurityStats> byHolders = securities.build().top(SecurityMetric.HOLDERS, 3);
        System.out.println("Securities by holders: " + byHolders);
        assertThat(byHolders).hasSize(3);
        Concentration revenue = Concentration.of(frame, "contribution");
        System.out.printf("Top 20%% of customers bring %.1f%% of revenue; Gini %.3f%n",
                100 * revenue.shareOfTop(0.2), revenue.gini());
        assertThat(revenue.shareOfTop(0.2)).isBetween(0.2, 1.0);
    }
}

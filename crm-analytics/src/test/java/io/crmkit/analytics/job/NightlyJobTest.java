package io.crmkit.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.tier.TierChangeReason;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NightlyJobTest {

    static FeatureFrame randomFrame(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] cols = new double[11][n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1_000_000L + i;
            cols[0][i] = rnd.nextInt(365);
            cols[1][i] = rnd.nextInt(60);
            cols[2][i] = Math.exp(rnd.nextGaussian() + 8);
            cols[3][i] = Math.exp(rnd.nextGaussian() * 1.5 + 11);
            cols[4][i] = Math.exp(rnd.nextGaussian() + 6);
            cols[5][i] = rnd.nextInt(7300);
            cols[6][i] = rnd.nextDouble() * 100 - 50;
            cols[7][i] = rnd.nextInt(10) == 0 ? 1 : 0;
            cols[8][i] = rnd.nextDouble() * 200 - 100;
            cols[9][i] = rnd.nextInt(120);
            cols[10][i] = rnd.nextInt(200);
        }
        return FeatureFrame.builder(n).ids(ids)
                .doubles("recency_days", cols[0]).doubles("frequency", cols[1]).doubles("monetary", cols[2])
                .doubles("aum", cols[3]).doubles("contribution", cols[4]).doubles("tenure_days", cols[5])
                .doubles("aum_change_pct", cols[6]).doubles("open_complaints", cols[7])
                .doubles("trades_change_pct", cols[8]).doubles("days_since_login", cols[9])
                .doubles("days_since_contact", cols[10]).build();
    }

    @Test
    @DisplayName("runs all stages, reports progress per stage and gives the same result at any parallelism")
    void runsAllStagesDeterministically() {
        FeatureFrame f = randomFrame(200_000, 1);
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T20:00:00Z"), ZoneOffset.UTC);
        List<String> stagesDone = new ArrayList<>();
        NightlyResult two = NightlyJob.ofDefaults().run(f, TierState.empty(f.size()), List.of(),
                (stage, done, total) -> {
                    if (done == total) {
                        stagesDone.add(stage);
                    }
                });
        assertThat(stagesDone).contains("rfm", "value", "churn", "tiers");
        NightlyJob serial = NightlyJob.custom()
                .tiers(TierEngine.of(NightlyJob.ofDefaults().tierEngine().policy(),
                        TierEngineConfig.custom().parallelism(1).clock(clock).build()))
                .build();
        NightlyResult one = serial.run(f, TierState.empty(f.size()), List.of(), (s, d, t) -> { });
        assertThat(one.startedAt()).isEqualTo(clock.instant());
        for (int i = 0; i < f.size(); i++) {
            assertThat(one.rfm().rfmCode(i)).isEqualTo(two.rfm().rfmCode(i));
            assertThat(one.value().score(i)).isEqualTo(two.value().score(i));
            assertThat(one.churn().points(i)).isEqualTo(two.churn().points(i));
            assertThat(one.tiers().tier(i)).isEqualTo(two.tiers().tier(i));
        }
        assertThat(one.tiers().reason(0)).isEqualTo(TierChangeReason.INITIAL);
        // top 4% PLATINUM: ties can only add, never remove
        assertThat(one.tiers().countByTier().get("PLATINUM")).isBetween(8000, 8100);
        assertThat(one.tiers().changeCount()).isEqualTo(f.size());
    }
}

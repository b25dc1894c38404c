package io.crmkit.analytics.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TierChangeCountTest {

    private static final Instant NOW = Instant.parse("2026-06-30T22:00:00Z");

    private static int countByReasons(TierRun run) {
        int count = 0;
        for (int i = 0; i < run.size(); i++) {
            count += run.reason(i).isChange() ? 1 : 0;
        }
        return count;
    }

    @Test
    @DisplayName("changeCount equals the rows whose reason is a change, with overrides and over several periods")
    void changeCountMatchesReasons() {
        int n = 300_000;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1_000 + i;
        }
        SplittableRandom rnd = new SplittableRandom(5);
        for (int par = 1; par <= 2; par++) {
            TierEngine engine = TierEngine.of(PercentileTierPolicy.custom().tier("PLATINUM", 0.04).tier("GOLD", 0.11)
                            .tier("SILVER", 0.25).otherwise("BRONZE").build(),
                    TierEngineConfig.custom().downgradeAfterPeriods(2).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                            .parallelism(par).build());
            TierState state = TierState.empty(n);
            for (int period = 0; period < 4; period++) {
                double[] scores = new double[n];
                for (int i = 0; i < n; i++) {
                    scores[i] = rnd.nextInt(1000) / 10.0;
                }
                List<TierOverride> overrides = List.of(
                        new TierOverride(1_000 + period, "PLATINUM", NOW.plusSeconds(60), "Retention agreement"),
                        new TierOverride(1_007, "GOLD", period % 2 == 0 ? NOW.plusSeconds(60) : NOW, "Agreement"),
                        new TierOverride(5, "GOLD", NOW.plusSeconds(60), "Unknown customer"));
                TierRun run = engine.run(ids, scores, state, overrides, ProgressListener.none());
                assertThat(run.changeCount()).isEqualTo(countByReasons(run));
                state = run.nextState();
            }
        }
    }
}

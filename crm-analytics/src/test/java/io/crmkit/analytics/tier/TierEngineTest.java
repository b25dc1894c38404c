package io.crmkit.analytics.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.ProgressListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TierEngineTest {

    private static final Instant NOW = Instant.parse("2026-06-30T22:00:00Z");
    private static final ThresholdTierPolicy POLICY = ThresholdTierPolicy.custom()
            .tier("PLATINUM", 85).tier("GOLD", 70).tier("SILVER", 50).otherwise("BRONZE").build();

    private static TierEngine engine(int downgradeAfter) {
        return TierEngine.of(POLICY, TierEngineConfig.custom().downgradeAfterPeriods(downgradeAfter)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).parallelism(1).build());
    }

    private static TierRun period(TierEngine e, TierState state, double score, List<TierOverride> overrides) {
        return e.run(new long[] {42}, new double[] {score}, state, overrides, ProgressListener.none());
    }

    @Test
    @DisplayName("upgrades at once and downgrades only after three consecutive periods below")
    void hysteresisOverAScriptedSeries() {
        TierEngine e = engine(3);
        double[] scores = {72, 90, 80, 82, 86, 60, 75, 65, 71};
        String[] expectedTier = {"GOLD", "PLATINUM", "PLATINUM", "PLATINUM", "PLATINUM", "PLATINUM", "PLATINUM",
            "SILVER", "GOLD"};
        TierChangeReason[] expectedReason = {TierChangeReason.INITIAL, TierChangeReason.UPGRADE,
            TierChangeReason.HELD, TierChangeReason.HELD, TierChangeReason.NONE, TierChangeReason.HELD,
            TierChangeReason.HELD, TierChangeReason.DOWNGRADE, TierChangeReason.UPGRADE};
        int[] expectedBelow = {0, 0, 1, 2, 0, 1, 2, 0, 0};
        TierState state = TierState.empty(1);
        List<String> tiers = new ArrayList<>();
        List<TierChangeReason> reasons = new ArrayList<>();
        List<Integer> below = new ArrayList<>();
        for (double s : scores) {
            TierRun run = period(e, state, s, List.of());
            tiers.add(run.tier(0));
            reasons.add(run.reason(0));
            below.add(run.nextState().belowPeriods(0));
            state = run.nextState();
        }
        assertThat(tiers).containsExactly(expectedTier);
        assertThat(reasons).containsExactly(expectedReason);
        assertThat(below).containsExactly(expectedBelow[0], expectedBelow[1], expectedBelow[2], expectedBelow[3],
                expectedBelow[4], expectedBelow[5], expectedBelow[6], expectedBelow[7], expectedBelow[8]);
    }

    @Test
    @DisplayName("downgrades at once when one period is enough")
    void downgradeAtOnce() {
        TierEngine e = engine(1);
        TierState s = period(e, TierState.empty(1), 90, List.of()).nextState();
        TierRun r = period(e, s, 40, List.of());
        assertThat(r.tier(0)).isEqualTo("BRONZE");
        assertThat(r.reason(0)).isEqualTo(TierChangeReason.DOWNGRADE);
    }

    @Test
    @DisplayName("writes each change with from, to, reason in words and the clock's time")
    void changesWithReasons() {
        TierEngine e = engine(2);
        TierState s = period(e, TierState.empty(1), 72, List.of()).nextState();
        s = period(e, s, 55, List.of()).nextState();
        TierRun r = period(e, s, 52.25, List.of());
        List<TierChange> changes = r.changes();
        assertThat(changes).hasSize(1);
        TierChange c = changes.get(0);
        assertThat(c.customerId()).isEqualTo(42);
        assertThat(c.fromTier()).contains("GOLD");
        assertThat(c.toTier()).isEqualTo("SILVER");
        assertThat(c.reason()).isEqualTo(TierChangeReason.DOWNGRADE);
        assertThat(c.detail()).isEqualTo("downgrade after 2 consecutive period(s) below GOLD: score 52.3 reached SILVER (from 50.0)");
        assertThat(c.at()).isEqualTo(NOW);
        TierChange first = period(e, TierState.empty(1), 10, List.of()).changes().get(0);
        assertThat(first.fromTier()).isEmpty();
        assertThat(first.detail()).isEqualTo("first tier: score 10.0 is below every higher tier");
    }

    @Test
    @DisplayName("applies a valid override over the score and returns to the score once it expires")
    void overridesWithExpiry() {
        TierEngine e = engine(3);
        TierState s = period(e, TierState.empty(1), 40, List.of()).nextState();
        TierOverride vip = new TierOverride(42, "PLATINUM", NOW.plusSeconds(3600), "Retention agreement");
        TierRun r = period(e, s, 40, List.of(vip));
        assertThat(r.tier(0)).isEqualTo("PLATINUM");
        assertThat(r.reason(0)).isEqualTo(TierChangeReason.OVERRIDE);
        assertThat(r.changes().get(0).detail()).isEqualTo("manual override until 2026-06-30T23:00:00Z: Retention agreement");
        // the same override again changes nothing
        TierRun again = period(e, r.nextState(), 40, List.of(vip));
        assertThat(again.reason(0)).isEqualTo(TierChangeReason.NONE);
        assertThat(again.changeCount()).isZero();
        // expired: follows the score at once, no hysteresis
        TierOverride expired = new TierOverride(42, "PLATINUM", NOW, "Retention agreement");
        TierRun after = period(e, again.nextState(), 40, List.of(expired));
        assertThat(after.tier(0)).isEqualTo("BRONZE");
        assertThat(after.reason(0)).isEqualTo(TierChangeReason.OVERRIDE_EXPIRED);
        assertThat(after.nextState().overridden(0)).isFalse();
    }

    @Test
    @DisplayName("skips overrides of unknown customers and rejects unknown tiers and duplicates")
    void overrideValidation() {
        TierEngine e = engine(3);
        TierRun r = period(e, TierState.empty(1), 40,
                List.of(new TierOverride(7, "GOLD", NOW.plusSeconds(60), "Other customer")));
        assertThat(r.skippedOverrides()).isEqualTo(1);
        assertThatThrownBy(() -> period(e, TierState.empty(1), 40,
                List.of(new TierOverride(42, "DIAMOND", NOW.plusSeconds(60), "x"))))
                .hasMessageContaining("override.tier").hasMessageContaining("PLATINUM");
        TierOverride o = new TierOverride(42, "GOLD", NOW.plusSeconds(60), "x");
        assertThatThrownBy(() -> period(e, TierState.empty(1), 40, List.of(o, o)))
                .hasMessageContaining("overrides").hasMessageContaining("at most one");
        assertThat(o.toString()).doesNotContain("x]").contains("GOLD");
    }

    @Test
    @DisplayName("places the top shares by percentile, keeping equal scores together")
    void percentilePolicy() {
        PercentileTierPolicy p = PercentileTierPolicy.custom().tier("PLATINUM", 0.04).tier("GOLD", 0.11)
                .otherwise("BRONZE").build();
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i; // 99 is best
        }
        double[] mins = p.minimumScores(scores);
        // top 4 = 96..99, next 11 = 85..95
        assertThat(mins).containsExactly(96, 85, Double.NEGATIVE_INFINITY);
        scores[95] = 96; // a tie at the PLATINUM boundary goes up with its block
        mins = p.minimumScores(scores, 2);
        assertThat(mins[0]).isEqualTo(96);
        TierEngine e = TierEngine.of(p, TierEngineConfig.custom().parallelism(1).build());
        long[] ids = new long[100];
        for (int i = 0; i < 100; i++) {
            ids[i] = i;
        }
        TierRun run = e.run(ids, scores, TierState.empty(100), List.of(), ProgressListener.none());
        assertThat(run.countByTier()).containsExactly(
                java.util.Map.entry("PLATINUM", 5), java.util.Map.entry("GOLD", 10), java.util.Map.entry("BRONZE", 85));
    }

    @Test
    @DisplayName("leaves a tier empty when its share rounds to no customer")
    void tinyShare() {
        PercentileTierPolicy p = PercentileTierPolicy.custom().tier("PLATINUM", 0.001).otherwise("GOLD").build();
        assertThat(p.minimumScores(new double[] {1, 2, 3})[0]).isEqualTo(3);
        assertThat(p.minimumScores(new double[0])[0]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    @DisplayName("rejects a state that does not fit the run")
    void rejectsMisalignedState() {
        TierEngine e = engine(3);
        assertThatThrownBy(() -> e.run(new long[] {1, 2}, new double[] {1, 2}, TierState.empty(1), List.of(),
                ProgressListener.none())).hasMessageContaining("previous").hasMessageContaining("2 rows");
        assertThatThrownBy(() -> e.run(new long[] {1}, new double[] {1},
                TierState.of(new int[] {9}, new int[] {0}, new boolean[] {false}), List.of(), ProgressListener.none()))
                .hasMessageContaining("previous.tiers row 0");
        assertThatThrownBy(() -> TierState.of(new int[] {0}, new int[] {200}, new boolean[] {false}))
                .hasMessageContaining("state.belowPeriods row 0");
    }

    @Test
    @DisplayName("places every row by percentile exactly as comparing with the measured minimums would")
    void percentileAgreesWithMinimums() {
        PercentileTierPolicy p = PercentileTierPolicy.custom().tier("PLATINUM", 0.04).tier("GOLD", 0.11)
                .tier("SILVER", 0.25).otherwise("BRONZE").build();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        for (int round = 0; round < 10; round++) {
            int n = 1 + rnd.nextInt(300_000);
            double[] scores = new double[n];
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                scores[i] = round % 2 == 0 ? rnd.nextInt(100) : Math.rint(rnd.nextDouble() * 1e4) / 100;
                ids[i] = i;
            }
            double[] mins = p.minimumScores(scores);
            TierRun run = TierEngine.of(p, TierEngineConfig.custom().parallelism(2).build())
                    .run(ids, scores, TierState.empty(n), List.of(), ProgressListener.none());
            assertThat(run.minimumScores()).containsExactly(mins);
            for (int i = 0; i < n; i++) {
                assertThat(run.tierIndex(i)).isEqualTo(TierPolicy.tierFor(scores[i], mins));
            }
        }
    }

    /** The class comment's rule for one row, written out plainly (no overrides in this run). */
    private static int[] reference(int target, int cur, int below, boolean overridden, int limit) {
        // returns {tier, below, reason ordinal}
        if (cur < 0) {
            return new int[] {target, 0, TierChangeReason.INITIAL.ordinal()};
        }
        if (overridden) {
            return new int[] {target, 0, (target == cur ? TierChangeReason.NONE : TierChangeReason.OVERRIDE_EXPIRED).ordinal()};
        }
        if (target < cur) {
            return new int[] {target, 0, TierChangeReason.UPGRADE.ordinal()};
        }
        if (target == cur) {
            return new int[] {cur, 0, TierChangeReason.NONE.ordinal()};
        }
        return below + 1 >= limit
                ? new int[] {target, 0, TierChangeReason.DOWNGRADE.ordinal()}
                : new int[] {cur, below + 1, TierChangeReason.HELD.ordinal()};
    }

    @Test
    @DisplayName("agrees with the rule row by row on large mixed states, mostly steady (the eight-row fast path)")
    void largeStatesAgreeWithTheRule() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(29);
        PercentileTierPolicy pct = PercentileTierPolicy.custom().tier("PLATINUM", 0.04).tier("GOLD", 0.11)
                .tier("SILVER", 0.25).otherwise("BRONZE").build();
        for (TierPolicy policy : List.<TierPolicy>of(POLICY, pct)) {
            for (int n : new int[] {7, 8, 9, 1_003, 200_011}) {
                double[] scores = new double[n];
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) {
                    scores[i] = Math.rint(rnd.nextDouble() * 1e4) / 100;
                    ids[i] = i;
                }
                double[] mins = policy.minimumScores(scores);
                int[] target = new int[n];
                int[] tiers = new int[n];
                int[] below = new int[n];
                boolean[] overridden = new boolean[n];
                for (int i = 0; i < n; i++) {
                    target[i] = TierPolicy.tierFor(scores[i], mins);
                    int kind = rnd.nextInt(100);
                    // mostly steady rows, in runs, so that whole groups of eight take the fast path
                    boolean steady = (i / 64) % 3 != 0 || kind < 50;
                    tiers[i] = steady ? target[i] : rnd.nextInt(5) - 1;
                    below[i] = tiers[i] < 0 ? 0 : rnd.nextInt(3);
                    overridden[i] = !steady && tiers[i] >= 0 && kind % 7 == 0;
                }
                TierState prev = TierState.of(tiers, below, overridden);
                for (int limit : new int[] {1, 3}) {
                    TierRun run = TierEngine.of(policy, TierEngineConfig.custom().downgradeAfterPeriods(limit)
                                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).parallelism(2).build())
                            .run(ids, scores, prev, List.of(), ProgressListener.none());
                    int changes = 0;
                    for (int i = 0; i < n; i++) {
                        int[] want = reference(target[i], tiers[i], below[i], overridden[i], limit);
                        assertThat(new int[] {run.tierIndex(i), run.nextState().belowPeriods(i), run.reason(i).ordinal()})
                                .as("%s n=%d limit=%d row %d", policy, n, limit, i).containsExactly(want);
                        assertThat(run.nextState().overridden(i)).isFalse();
                        changes += TierChangeReason.values()[want[2]].isChange() ? 1 : 0;
                    }
                    assertThat(run.changeCount()).isEqualTo(changes);
                }
            }
        }
    }
}

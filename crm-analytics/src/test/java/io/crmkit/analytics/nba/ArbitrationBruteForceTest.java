package io.crmkit.analytics.nba;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.interaction.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against a plain global greedy written independently: every candidate (after rules,
 * suitability and the gate) sorted by priority, then row, then proposition; each takes a place in
 * its customer's list and, where limited, a unit of its channel and its branch. Priorities are
 * rounded to one decimal so that ties are frequent. 70,000 rows span two chunks.
 */
class ArbitrationBruteForceTest {

    static final int N = 70_000;
    static final Channel[] CHANNELS = {Channel.PHONE, Channel.APP, Channel.EMAIL, Channel.MEETING};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2})
    @DisplayName("the engine's lists equal a brute-force global greedy, with one thread and with two")
    void equalsBruteForce(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = 8;
        double[][] prop = new double[p][N];
        int[] holds = new int[N];
        double[] assets = new double[N];
        int[] risk = new int[N];
        int[] branch = new int[N];
        for (int r = 0; r < N; r++) {
            for (int k = 0; k < p; k++) {
                prop[k][r] = Math.round(rnd.nextDouble() * 10) / 10.0;
            }
            holds[r] = rnd.nextInt(3);
            assets[r] = rnd.nextInt(1000);
            risk[r] = rnd.nextInt(6) - 1;
            branch[r] = rnd.nextInt(5) - 1;
        }
        FeatureFrame.Builder fb = FeatureFrame.builder(N).ints("holds", holds).doubles("assets", assets)
                .categories("risk_tolerance", risk, List.of("CONSERVATIVE", "CAUTIOUS", "BALANCED", "GROWTH", "AGGRESSIVE"))
                .categories("branch", branch, List.of("B0", "B1", "B2", "B3"));
        for (int k = 0; k < p; k++) {
            fb.doubles("p" + k, prop[k]);
        }
        FeatureFrame frame = fb.build();
        List<Proposition> props = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            Proposition.Builder b = Proposition.builder("P" + k).channel(CHANNELS[k % CHANNELS.length])
                    .purpose(ConsentPurpose.MARKETING).value(1 + k % 3).propensity("p" + k);
            if (k % 2 == 0) {
                b.eligibility("assets >= " + (k * 50));
            }
            if (k % 3 == 0) {
                b.applicability("holds != " + (k % 3));
            }
            if (k % 4 == 1) {
                b.product("PR" + k, RiskTolerance.values()[k % 5]);
            }
            props.add(b.build());
        }
        Capacity cap = Capacity.custom().channel(Channel.PHONE, 20_000).channel(Channel.MEETING, 5_000)
                .branchChannels(Channel.PHONE, Channel.MEETING).branch("B1", 3_000).branchDefault(12_000)
                .perCustomer(3).build();
        ContactGate gate = (f, row, channel, purpose, at) -> row % 17 == 0 && channel == Channel.EMAIL
                ? ContactDecision.deny("NO_EMAIL", "No e-mail") : ContactDecision.allow();
        NbaResult one = NextBestAction.custom().propositions(props).capacity(cap).contactGate(gate).parallelism(1)
                .build().run(frame, ProgressListener.none());
        NbaResult two = NextBestAction.custom().propositions(props).capacity(cap).contactGate(gate).parallelism(2)
                .build().run(frame, ProgressListener.none());

        java.util.Map<Long, String> why = new java.util.HashMap<>();
        List<List<String>> expected = bruteForce(props, prop, holds, assets, risk, branch, cap, why);
        for (int r = 0; r < N; r++) {
            assertThat(one.actionIds(r)).as("row %d", r).isEqualTo(expected.get(r));
            assertThat(two.actionIds(r)).as("row %d", r).isEqualTo(expected.get(r));
        }
        // Every capacity drop's cause, worked out on request, is the one the greedy saw.
        java.util.Map<String, Long> causes = new java.util.TreeMap<>();
        for (var e : why.entrySet()) {
            int r = (int) (e.getKey() >>> 6);
            if (r % 10 != 0) {
                continue;
            }
            String id = props.get((int) (e.getKey() & 63)).id();
            Drop d = one.drop(r, id).orElseThrow();
            assertThat(d.stage()).isEqualTo(Stage.CAPACITY);
            assertThat(d.reason().code()).as("row %d %s", r, id).isEqualTo(e.getValue());
            causes.merge(e.getValue(), 1L, Long::sum);
        }
        assertThat(causes).containsOnlyKeys("BRANCH_FULL", "CHANNEL_FULL", "CUSTOMER_LIMIT");
        assertThat(one.dropCounts().get(Stage.CAPACITY)).isEqualTo(why.size());
        assertThat(two.dropCounts()).isEqualTo(one.dropCounts());
        long pairs = one.dropCounts().values().stream().mapToLong(Long::longValue).sum() + one.recommendedCount();
        assertThat(pairs).isEqualTo((long) N * p);
        // Capacity is never exceeded, and it is used up where candidates remain.
        long phone = 0;
        for (int r = 0; r < N; r++) {
            for (var a : one.actions(r)) {
                phone += a.channel() == Channel.PHONE ? 1 : 0;
            }
        }
        assertThat(phone).isLessThanOrEqualTo(20_000);
    }

    private record Cand(int row, int k, double priority, boolean channelCapped, int branchLimit) {}

    static List<List<String>> bruteForce(List<Proposition> props, double[][] prop, int[] holds, double[] assets,
                                         int[] risk, int[] branch, Capacity cap, java.util.Map<Long, String> why) {
        List<Cand> all = new ArrayList<>();
        for (int r = 0; r < N; r++) {
            for (int k = 0; k < props.size(); k++) {
                Proposition pr = props.get(k);
                if (k % 2 == 0 && !(assets[r] >= k * 50)) {
                    continue;
                }
                if (k % 3 == 0 && holds[r] == k % 3) {
                    continue;
                }
                if (pr.productRisk() != null && (risk[r] < 0 || pr.productRisk().ordinal() > risk[r])) {
                    continue;
                }
                if (r % 17 == 0 && pr.channel() == Channel.EMAIL) {
                    continue;
                }
                boolean branchChannel = cap.branchChannels().contains(pr.channel());
                int bl = !branchChannel || branch[r] < 0 ? -1
                        : cap.branchLimits().getOrDefault("B" + branch[r], cap.branchDefault());
                all.add(new Cand(r, k, prop[k][r] * pr.value() * pr.lever(),
                        cap.channelLimits().containsKey(pr.channel()), bl));
            }
        }
        all.sort(Comparator.comparingDouble(Cand::priority).reversed().thenComparingInt(Cand::row)
                .thenComparingInt(Cand::k));
        int[] channelLeft = new int[Channel.values().length];
        cap.channelLimits().forEach((c, l) -> channelLeft[c.ordinal()] = l);
        int[] branchUsed = new int[4];
        int[] taken = new int[N];
        List<List<Cand>> lists = new ArrayList<>();
        for (int r = 0; r < N; r++) {
            lists.add(new ArrayList<>());
        }
        for (Cand c : all) {
            long key = ((long) c.row << 6) | c.k;
            if (taken[c.row] >= cap.perCustomer()) {
                why.put(key, "CUSTOMER_LIMIT");
                continue;
            }
            int ch = props.get(c.k).channel().ordinal();
            if (c.channelCapped && channelLeft[ch] == 0) {
                why.put(key, "CHANNEL_FULL");
                continue;
            }
            if (c.branchLimit >= 0 && branchUsed[branch[c.row]] >= c.branchLimit) {
                why.put(key, "BRANCH_FULL");
                continue;
            }
            if (c.channelCapped) {
                channelLeft[ch]--;
            }
            if (c.branchLimit >= 0) {
                branchUsed[branch[c.row]]++;
            }
            taken[c.row]++;
            lists.get(c.row).add(c);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<Cand> l : lists) {
            out.add(l.stream().map(c -> props.get(c.k).id()).toList()); // already in priority, then id order
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the radix order equals a comparator sort by priority, stable for ties")
    void radixOrder() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] pr = new double[100_000];
        for (int i = 0; i < pr.length; i++) {
            pr[i] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextInt(3) == 0 ? Math.round(rnd.nextDouble() * 5) : rnd.nextDouble() * 1e6;
        }
        int[] order = PriorityOrder.descending(pr, pr.length);
        Integer[] expected = new Integer[pr.length];
        Arrays.setAll(expected, i -> i);
        Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> pr[i]).reversed().thenComparingInt(i -> i));
        assertThat(order).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
}

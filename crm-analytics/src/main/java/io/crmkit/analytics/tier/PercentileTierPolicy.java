package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.OrderStatistics;
import io.crmkit.analytics.internal.RankScorer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiers by share of customers ranked by score, e.g. the top 4% PLATINUM, the next 11% GOLD.
 *
 * <p><b>Rule.</b> With shares s_1, s_2, ... (best first) and cumulative share S_k, a customer
 * reaches tier k when fewer than {@code ceil(S_k * n)} customers have a strictly higher score.
 * Equal scores therefore always share a tier; when a block of equal scores straddles the boundary
 * the whole block goes up, so a tier may hold slightly more than its share (never fewer, unless a
 * higher tier absorbed them). The minimum score of each tier is the exact order statistic.
 *
 * <pre>{@code
 * TierPolicy p = PercentileTierPolicy.custom()
 *     .tier("PLATINUM", 0.04).tier("GOLD", 0.11).tier("SILVER", 0.25).otherwise("BRONZE").build();
 * }</pre>
 * Immutable and thread-safe.
 */
public final class PercentileTierPolicy implements TierPolicy {

    private final TierLadder ladder;
    private final double[] shares;

    private PercentileTierPolicy(TierLadder ladder, double[] shares) {
        this.ladder = ladder;
        this.shares = shares;
    }

    public static Builder custom() {
        return new Builder();
    }

    @Override
    public TierLadder ladder() {
        return ladder;
    }

    /** The minimums with every processor; the engine passes its own execution setting instead. */
    @Override
    public double[] minimumScores(double[] scores) {
        return minimumScores(scores, Runtime.getRuntime().availableProcessors());
    }

    double[] minimumScores(double[] scores, int parallelism) {
        scores = Checks.scores(scores, "scores");
        int n = scores.length;
        int k = shares.length;
        double[] mins = new double[k + 1];
        mins[k] = Double.NEGATIVE_INFINITY;
        if (n == 0) {
            java.util.Arrays.fill(mins, 0, k, Double.POSITIVE_INFINITY);
            return mins;
        }
        int[] ranks = new int[k];
        boolean[] empty = new boolean[k];
        // Decimal arithmetic so that "top 4% of 100" is exactly 4 customers, not ceil(4.000000001).
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int t = 0; t < k; t++) {
            cumulative = cumulative.add(BigDecimal.valueOf(shares[t])).min(BigDecimal.ONE);
            long m = cumulative.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
            empty[t] = m == 0;
            // the m-th highest score sits at ascending index n - m
            ranks[t] = (int) (empty[t] ? 0 : n - m);
        }
        double[] values = OrderStatistics.select(scores, ranks, parallelism);
        for (int t = 0; t < k; t++) {
            mins[t] = empty[t] ? Double.POSITIVE_INFINITY : values[t];
        }
        return mins;
    }

    /**
     * For engines that select the order statistics elsewhere (a cluster): the 0-based ascending
     * rank, among {@code n} scores, of each tier's minimum score, best tier first; -1 for a tier
     * that holds no customer (its minimum is {@code Double.POSITIVE_INFINITY}). The minimums are
     * the scores at these ranks, followed by {@code Double.NEGATIVE_INFINITY} for the fallback
     * tier, exactly as {@link #minimumScores} returns them.
     *
     * @throws RuntimeException the validation error when {@code n} is negative
     */
    public long[] minimumRanks(long n) {
        if (n < 0) {
            throw Checks.invalid("rows", "Range", "must be at least 0 (was " + n + ")");
        }
        long[] ranks = new long[shares.length];
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int t = 0; t < shares.length; t++) {
            cumulative = cumulative.add(BigDecimal.valueOf(shares[t])).min(BigDecimal.ONE);
            long m = cumulative.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
            ranks[t] = m == 0 ? -1 : n - m;
        }
        return ranks;
    }

    /**
     * Writes each row's target tier index plus one into {@code out} (the caller subtracts the one
     * in its own pass over the rows) and returns the minimums, in two passes
     * over the scores; empty when some tier would hold no customer (the engine then takes the
     * general path).
     */
    java.util.Optional<double[]> assign(double[] scores, int parallelism, byte[] out) {
        int n = scores.length;
        int k = shares.length;
        int[] ranks = new int[k];
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int t = 0; t < k; t++) {
            cumulative = cumulative.add(BigDecimal.valueOf(shares[t])).min(BigDecimal.ONE);
            long m = cumulative.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
            if (m == 0) {
                return java.util.Optional.empty();
            }
            ranks[t] = (int) (n - m);
        }
        double[] thresholds = RankScorer.score(scores, ranks, true, out, parallelism);
        double[] mins = java.util.Arrays.copyOf(thresholds, k + 1);
        mins[k] = Double.NEGATIVE_INFINITY;
        return java.util.Optional.of(mins);
    }

    @Override
    public String toString() {
        return "PercentileTierPolicy[" + ladder.codes() + ", shares=" + java.util.Arrays.toString(shares) + "]";
    }

    /** Builder: tiers best first with their share of customers (each in (0, 1], total at most 1). */
    public static final class Builder {
        private final List<String> codes = new ArrayList<>();
        private final List<Double> shares = new ArrayList<>();
        private double total;
        private boolean complete;

        private Builder() {
        }

        public Builder tier(String code, double share) {
            Checks.code(code, "tier.code");
            if (!(share > 0 && share <= 1)) {
                throw Checks.invalid("tier.share", "must be greater than 0 and at most 1 (was " + share + ")");
            }
            if (total + share > 1 + 1e-9) {
                throw Checks.invalid("tier.share", "shares must add up to at most 1 (would be " + (total + share) + ")");
            }
            total += share;
            codes.add(code);
            shares.add(share);
            return this;
        }

        /** The tier of everyone else; completes the policy. */
        public Builder otherwise(String code) {
            codes.add(Checks.code(code, "tier.code"));
            complete = true;
            return this;
        }

        public PercentileTierPolicy build() {
            if (!complete || shares.isEmpty()) {
                throw Checks.invalid("tier.otherwise", "must name the fallback tier last, after at least one share");
            }
            TierLadder ladder = TierLadder.of(codes);
            return new PercentileTierPolicy(ladder, shares.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}

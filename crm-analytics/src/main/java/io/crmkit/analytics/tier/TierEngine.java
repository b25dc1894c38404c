package io.crmkit.analytics.tier;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.BucketTable;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.LongIntIndex;
import io.crmkit.analytics.internal.Parallel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns tiers for one period from scores, the previous state and manual overrides.
 *
 * <p><b>Hysteresis rule.</b> Let T be the tier the score qualifies for this period (see
 * {@link TierPolicy}) and C the current tier.
 * <ul>
 *   <li>No current tier: the customer gets T at once (INITIAL).</li>
 *   <li>T better than C: upgrade to T at once (UPGRADE); the below-counter resets.</li>
 *   <li>T equal to C: nothing changes; the below-counter resets.</li>
 *   <li>T worse than C: the below-counter grows by one; when it reaches N
 *       ({@link TierEngineConfig#downgradeAfterPeriods()}) the customer moves to this period's T
 *       (DOWNGRADE) and the counter resets, otherwise C is kept (HELD). The periods must be
 *       consecutive: one period at or above C resets the counter.</li>
 *   <li>A valid override (expiry after the clock's now) sets its tier whatever the score
 *       (OVERRIDE) and resets the counter. When a customer whose tier came from an override has no
 *       valid override any more, the tier follows the score at once (OVERRIDE_EXPIRED).</li>
 * </ul>
 * Overrides for customers not in the run are skipped and counted. Immutable and thread-safe.
 */
public final class TierEngine {

    private final TierPolicy policy;
    private final TierEngineConfig config;

    private TierEngine(TierPolicy policy, TierEngineConfig config) {
        this.policy = policy;
        this.config = config;
    }

    public static TierEngine of(TierPolicy policy, TierEngineConfig config) {
        return new TierEngine(Checks.notNull(policy, "policy"), Checks.notNull(config, "config"));
    }

    public TierPolicy policy() {
        return policy;
    }

    public TierEngineConfig config() {
        return config;
    }

    /**
     * Runs one period.
     *
     * @param customerIds ids by row
     * @param scores      this period's scores by row (e.g. value scores)
     * @param previous    the state after the previous period, same rows
     * @param overrides   manual overrides, any order; at most one per customer
     */
    public TierRun run(long[] customerIds, double[] scores, TierState previous, List<TierOverride> overrides,
                       ProgressListener progress) {
        Checks.notNull(customerIds, "customerIds");
        Checks.notNull(scores, "scores");
        Checks.notNull(previous, "previous");
        Checks.notNull(overrides, "overrides");
        Checks.notNull(progress, "progress");
        int n = customerIds.length;
        Checks.sameLength(n, scores.length, "scores");
        Checks.sameLength(n, previous.size(), "previous");
        int ladderSize = policy.ladder().size();
        byte[] prevTier = previous.tiers();
        byte[] targets = new byte[n];
        double[][] minsOut = new double[1][];
        // the percentile path writes target + 1; the row loop below subtracts it
        final int offset = targets(scores, targets, minsOut);
        double[] mins = minsOut[0];
        // the previous tiers are checked in the row loop, by chunk; the first bad row is reported
        int[] firstBad = new int[Parallel.chunkCount(n, Parallel.DEFAULT_CHUNK)];
        Arrays.fill(firstBad, -1);
        // rows whose reason is a change, by chunk (the count the job logs, without another pass)
        int[] changesByChunk = new int[firstBad.length];
        byte[] prevBelow = previous.below();
        boolean[] prevOverridden = previous.overriddenFlags();
        byte[] tier = new byte[n];
        byte[] below = new byte[n];
        boolean[] overridden = new boolean[n];
        byte[] reason = new byte[n];
        int limit = config.downgradeAfterPeriods();
        byte none = (byte) TierChangeReason.NONE.ordinal();
        byte initial = (byte) TierChangeReason.INITIAL.ordinal();
        byte upgrade = (byte) TierChangeReason.UPGRADE.ordinal();
        byte downgrade = (byte) TierChangeReason.DOWNGRADE.ordinal();
        byte held = (byte) TierChangeReason.HELD.ordinal();
        byte expired = (byte) TierChangeReason.OVERRIDE_EXPIRED.ordinal();
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, config.parallelism(), "tiers", progress, (c, from, to) -> {
            int changes = 0;
            for (int i = from; i < to; i++) {
                int target = targets[i] - offset;
                int cur = prevTier[i];
                if (cur >= ladderSize) {
                    firstBad[c] = i;
                    return;
                }
                if (target == cur && !prevOverridden[i]) {
                    tier[i] = (byte) cur; // the common night: nothing changes
                    reason[i] = none;
                } else if (cur < 0) {
                    tier[i] = (byte) target;
                    reason[i] = initial;
                } else if (prevOverridden[i]) {
                    tier[i] = (byte) target;
                    reason[i] = target == cur ? none : expired;
                } else if (target < cur) {
                    tier[i] = (byte) target;
                    reason[i] = upgrade;
                } else {
                    int b = prevBelow[i] + 1;
                    if (b >= limit) {
                        tier[i] = (byte) target;
                        reason[i] = downgrade;
                    } else {
                        tier[i] = (byte) cur;
                        below[i] = (byte) b;
                        reason[i] = held;
                    }
                }
                changes += reason[i] != none && reason[i] != held ? 1 : 0;
            }
            changesByChunk[c] = changes;
        });
        for (int bad : firstBad) {
            if (bad >= 0) {
                throw Checks.invalid("previous.tiers row " + bad, "must be an index into the " + ladderSize + "-tier ladder");
            }
        }
        Instant now = config.clock().instant();
        int changeCount = 0;
        for (int changes : changesByChunk) {
            changeCount += changes;
        }
        int[] changeDelta = new int[1];
        int skipped = applyOverrides(customerIds, overrides, now, prevTier, prevOverridden, tier, below, overridden,
                reason, changeDelta);
        changeCount += changeDelta[0];
        return new TierRun(policy.ladder(), customerIds, scores, mins, prevTier, new TierState(tier, below, overridden),
                reason, overrides, now, limit, skipped, changeCount);
    }

    /**
     * Fills each row's target tier plus the returned offset, and puts the minimums used in
     * {@code minsOut[0]}.
     */
    private int targets(double[] scores, byte[] out, double[][] minsOut) {
        int par = config.parallelism();
        if (policy instanceof PercentileTierPolicy && scores.length > 0) {
            // Percentiles: select the minimums and place the rows in the same two passes.
            java.util.Optional<double[]> mins = ((PercentileTierPolicy) policy).assign(scores, par, out);
            if (mins.isPresent()) {
                minsOut[0] = mins.get();
                return 1;
            }
        }
        double[] mins = policy.minimumScores(scores, par);
        // target tier = number of tier minimums the score stays below (minimums are descending)
        BucketTable targetOf = BucketTable.below(java.util.Arrays.copyOf(mins, mins.length - 1));
        Parallel.forEachChunk(scores.length, Parallel.DEFAULT_CHUNK, par, "tiers", ProgressListener.none(),
                (c, from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = (byte) targetOf.count(scores[i]);
                    }
                });
        minsOut[0] = mins;
        return 0;
    }

    private int applyOverrides(long[] ids, List<TierOverride> overrides, Instant now, byte[] prevTier,
                               boolean[] prevOverridden, byte[] tier, byte[] below, boolean[] overridden,
                               byte[] reason, int[] changeDelta) {
        if (overrides.isEmpty()) {
            return 0;
        }
        LongIntIndex index = new LongIntIndex(ids, "customerIds");
        boolean[] seen = new boolean[ids.length];
        int skipped = 0;
        for (TierOverride o : overrides) {
            Checks.notNull(o, "overrides");
            int t = policy.ladder().indexOf(o.tier(), "override.tier");
            if (!o.expiresAt().isAfter(now)) {
                continue;
            }
            int row = index.rowOf(o.customerId());
            if (row < 0) {
                skipped++;
                continue;
            }
            if (seen[row]) {
                throw Checks.invalid("overrides", "must hold at most one valid override per customer (row " + row + ")");
            }
            seen[row] = true;
            tier[row] = (byte) t;
            below[row] = 0;
            overridden[row] = true;
            boolean same = prevTier[row] == t && prevOverridden[row];
            TierChangeReason was = TierChangeReason.values()[reason[row]];
            TierChangeReason now2 = same ? TierChangeReason.NONE : TierChangeReason.OVERRIDE;
            changeDelta[0] += (now2.isChange() ? 1 : 0) - (was.isChange() ? 1 : 0);
            reason[row] = (byte) now2.ordinal();
        }
        return skipped;
    }
}

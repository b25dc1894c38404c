package io.crmkit.analytics.tier;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.BucketTable;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.LongIntIndex;
import io.crmkit.analytics.internal.Parallel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    private static final VarHandle BYTES_AS_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
     * @param scores      this period's scores by row (e.g. value scores): finite (NaN or an
     *                    infinity is refused naming the row); -0.0 counts as 0.0
     * @param previous    the state after the previous period, same rows
     * @param overrides   manual overrides, any order; at most one per customer
     */
    public TierRun run(long[] customerIds, double[] scores, TierState previous, List<TierOverride> overrides,
                       ProgressListener progress) {
        Checks.notNull(customerIds, "customerIds");
        scores = Checks.scores(scores, "scores");
        Checks.notNull(previous, "previous");
        Checks.notNull(overrides, "overrides");
        Checks.notNull(progress, "progress");
        int n = customerIds.length;
        Checks.sameLength(n, scores.length, "scores");
        Checks.sameLength(n, previous.size(), "previous");
        int ladderSize = policy.ladder().size();
        byte[] prevTier = previous.tiers();
        byte[][] outputs = Parallel.newByteArrays(4, n, config.parallelism());
        byte[] targets = outputs[0];
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
        byte[] prevOverridden = previous.overriddenFlags();
        // each row's target is read before its tier is written, so the tiers overwrite the targets
        byte[] tier = targets;
        byte[] below = outputs[1];
        byte[] overridden = outputs[2];
        byte[] reason = outputs[3];
        int limit = config.downgradeAfterPeriods();
        long offsets = offset * 0x0101010101010101L;
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, config.parallelism(), "tiers", progress, (c, from, to) -> {
            int changes = 0;
            int i = from;
            for (; i <= to - 8; i += 8) {
                // The common night, eight rows at a time: every target equals the current tier.
                // Then the tier is kept, and reason (NONE = 0), below and overridden stay as
                // allocated; that holds for an expired override on the same tier too. Targets
                // carry the offset, so no byte borrows.
                long t = (long) BYTES_AS_LONG.get(targets, i);
                long cur = (long) BYTES_AS_LONG.get(prevTier, i);
                if (t - offsets == cur) {
                    BYTES_AS_LONG.set(tier, i, cur);
                    continue;
                }
                for (int j = i; j < i + 8; j++) {
                    int step = step(j, targets[j] - offset, ladderSize, limit, prevTier, prevBelow, prevOverridden,
                            tier, below, reason);
                    if (step < 0) {
                        firstBad[c] = j;
                        return;
                    }
                    changes += step;
                }
            }
            for (; i < to; i++) {
                int step = step(i, targets[i] - offset, ladderSize, limit, prevTier, prevBelow, prevOverridden,
                        tier, below, reason);
                if (step < 0) {
                    firstBad[c] = i;
                    return;
                }
                changes += step;
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
     * One row of the hysteresis rule (see the class comment); overrides are applied afterwards.
     *
     * @return 1 when the row's tier changes, 0 when not, -1 when its previous tier is no ladder index
     */
    private static int step(int i, int target, int ladderSize, int limit, byte[] prevTier, byte[] prevBelow,
                            byte[] prevOverridden, byte[] tier, byte[] below, byte[] reason) {
        int cur = prevTier[i];
        if (cur >= ladderSize) {
            return -1;
        }
        boolean wasOverridden = prevOverridden[i] != 0;
        TierChangeReason why;
        if (target == cur && !wasOverridden) {
            tier[i] = (byte) cur;
            return 0; // reason NONE is 0, as allocated
        } else if (cur < 0) {
            tier[i] = (byte) target;
            why = TierChangeReason.INITIAL;
        } else if (wasOverridden) {
            tier[i] = (byte) target;
            why = target == cur ? TierChangeReason.NONE : TierChangeReason.OVERRIDE_EXPIRED;
        } else if (target < cur) {
            tier[i] = (byte) target;
            why = TierChangeReason.UPGRADE;
        } else {
            int b = prevBelow[i] + 1;
            if (b >= limit) {
                tier[i] = (byte) target;
                why = TierChangeReason.DOWNGRADE;
            } else {
                tier[i] = (byte) cur;
                below[i] = (byte) b;
                why = TierChangeReason.HELD;
            }
        }
        reason[i] = (byte) why.ordinal();
        return why.isChange() ? 1 : 0;
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
        double[] mins = policy instanceof PercentileTierPolicy
                ? ((PercentileTierPolicy) policy).minimumScores(scores, par) : policy.minimumScores(scores);
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
                               byte[] prevOverridden, byte[] tier, byte[] below, byte[] overridden,
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
            overridden[row] = 1;
            boolean same = prevTier[row] == t && prevOverridden[row] != 0;
            TierChangeReason was = TierChangeReason.values()[reason[row]];
            TierChangeReason now2 = same ? TierChangeReason.NONE : TierChangeReason.OVERRIDE;
            changeDelta[0] += (now2.isChange() ? 1 : 0) - (was.isChange() ? 1 : 0);
            reason[row] = (byte) now2.ordinal();
        }
        return skipped;
    }
}

package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one tiering period: the new tier and reason by row, the state for the next
 * period, and the changes to write.
 *
 * <p>Changes are built on request, so a run where few tiers change costs no objects. Immutable and
 * thread-safe.
 */
public final class TierRun {

    private static final TierChangeReason[] REASONS = TierChangeReason.values();

    private final TierLadder ladder;
    private final long[] ids;
    private final double[] scores;
    private final double[] minimums;
    private final byte[] previousTier;
    private final TierState next;
    private final byte[] reason;
    private final List<TierOverride> overrides;
    private final Instant at;
    private final int downgradeAfter;
    private final int skippedOverrides;
    private final int changeCount;

    TierRun(TierLadder ladder, long[] ids, double[] scores, double[] minimums, byte[] previousTier, TierState next,
            byte[] reason, List<TierOverride> overrides, Instant at, int downgradeAfter, int skippedOverrides,
            int changeCount) {
        this.changeCount = changeCount;
        this.ladder = ladder;
        this.ids = ids;
        this.scores = scores;
        this.minimums = minimums;
        this.previousTier = previousTier;
        this.next = next;
        this.reason = reason;
        this.overrides = List.copyOf(overrides);
        this.at = at;
        this.downgradeAfter = downgradeAfter;
        this.skippedOverrides = skippedOverrides;
    }

    public TierLadder ladder() {
        return ladder;
    }

    public int size() {
        return ids.length;
    }

    /** The state to pass to the next period's run. */
    public TierState nextState() {
        return next;
    }

    /** The tier code of a row after this period. */
    public String tier(int row) {
        return ladder.code(next.tier(row));
    }

    /** The tier index of a row after this period (0 = best). */
    public int tierIndex(int row) {
        return next.tier(row);
    }

    public TierChangeReason reason(int row) {
        return REASONS[reason[row]];
    }

    /** Minimum score per tier used in this run (measured, for percentile policies). */
    public double[] minimumScores() {
        return minimums.clone();
    }

    /** The clock's time of the run. */
    public Instant at() {
        return at;
    }

    /** Valid overrides whose customer was not in the run. */
    public int skippedOverrides() {
        return skippedOverrides;
    }

    /** Customers per tier code after this period, best tier first. */
    public Map<String, Integer> countByTier() {
        int[] counts = new int[ladder.size()];
        for (int i = 0; i < ids.length; i++) {
            counts[next.tier(i)]++;
        }
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (int t = 0; t < counts.length; t++) {
            out.put(ladder.code(t), counts[t]);
        }
        return out;
    }

    /** Number of rows whose tier changed (see {@link TierChangeReason#isChange()}). */
    public int changeCount() {
        return changeCount; // counted by the engine while it set the reasons
    }

    /** The changes in row order, each with its reason in words. */
    public List<TierChange> changes() {
        List<TierChange> out = new ArrayList<>();
        writeChanges(out::add);
        return out;
    }

    /** Passes every change to {@code sink} in row order. */
    public void writeChanges(TierChangeSink sink) {
        Checks.notNull(sink, "sink");
        Map<Long, TierOverride> byCustomer = new HashMap<>();
        for (TierOverride o : overrides) {
            if (o.expiresAt().isAfter(at)) {
                byCustomer.put(o.customerId(), o);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            TierChangeReason r = REASONS[reason[i]];
            if (!r.isChange()) {
                continue;
            }
            String from = previousTier[i] < 0 ? null : ladder.code(previousTier[i]);
            String to = ladder.code(next.tier(i));
            sink.write(new TierChange(ids[i], from, to, r, detail(i, r, to, byCustomer.get(ids[i])), at));
        }
    }

    private String detail(int row, TierChangeReason r, String to, TierOverride override) {
        int t = next.tier(row);
        String fit = minimums[t] == Double.NEGATIVE_INFINITY
                ? String.format(Locale.ROOT, "score %.1f is below every higher tier", scores[row])
                : String.format(Locale.ROOT, "score %.1f reached %s (from %.1f)", scores[row], to, minimums[t]);
        switch (r) {
            case INITIAL:
                return "first tier: " + fit;
            case UPGRADE:
                return "upgrade: " + fit;
            case DOWNGRADE:
                return "downgrade after " + downgradeAfter + " consecutive period(s) below "
                        + ladder.code(previousTier[row]) + ": " + fit;
            case OVERRIDE:
                String until = override.expiresAt().equals(Instant.MAX) ? "further notice" : override.expiresAt().toString();
                return "manual override until " + until + ": " + override.reason();
            default:
                return "manual override ended, tier follows the score again: " + fit;
        }
    }

    @Override
    public String toString() {
        return "TierRun[rows=" + ids.length + ", at=" + at + "]";
    }
}

package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;

/**
 * The tiering state carried from one period to the next, by frame row: the current tier index
 * (-1 for none), the number of consecutive periods the score has been below that tier, and whether
 * the tier comes from a manual override.
 *
 * <p>The host persists it between runs (or rebuilds it from the stored tier assignments) and must
 * align it with the frame's rows. Immutable and thread-safe: factories copy their input.
 */
public final class TierState {

    private final byte[] tier;
    private final byte[] below;
    private final byte[] overridden; // 1 when the tier comes from an override (bytes: read 8 at a time)

    TierState(byte[] tier, byte[] below, byte[] overridden) {
        this.tier = tier;
        this.below = below;
        this.overridden = overridden;
    }

    /** No customer has a tier yet. */
    public static TierState empty(int rows) {
        if (rows < 0) {
            throw Checks.invalid("rows", "must be at least 0");
        }
        byte[] t = new byte[rows];
        java.util.Arrays.fill(t, (byte) -1);
        return new TierState(t, new byte[rows], new byte[rows]);
    }

    /**
     * @param tiers        tier index per row into the ladder (-1 = none)
     * @param belowPeriods consecutive periods below the current tier, 0 to 127
     * @param overridden   whether the current tier is a manual override
     */
    public static TierState of(int[] tiers, int[] belowPeriods, boolean[] overridden) {
        Checks.notNull(tiers, "state.tiers");
        Checks.notNull(belowPeriods, "state.belowPeriods");
        Checks.notNull(overridden, "state.overridden");
        Checks.sameLength(tiers.length, belowPeriods.length, "state.belowPeriods");
        Checks.sameLength(tiers.length, overridden.length, "state.overridden");
        byte[] t = new byte[tiers.length];
        byte[] b = new byte[tiers.length];
        byte[] o = new byte[tiers.length];
        for (int i = 0; i < t.length; i++) {
            if (tiers[i] < -1 || tiers[i] > 15) {
                throw Checks.invalid("state.tiers row " + i, "must be -1 or a ladder index 0 to 15");
            }
            if (belowPeriods[i] < 0 || belowPeriods[i] > 127) {
                throw Checks.invalid("state.belowPeriods row " + i, "must be between 0 and 127");
            }
            t[i] = (byte) tiers[i];
            b[i] = (byte) belowPeriods[i];
            o[i] = (byte) (overridden[i] ? 1 : 0);
        }
        return new TierState(t, b, o);
    }

    public int size() {
        return tier.length;
    }

    /** Tier index of a row, -1 for none. */
    public int tier(int row) {
        return tier[row];
    }

    public int belowPeriods(int row) {
        return below[row];
    }

    public boolean overridden(int row) {
        return overridden[row] != 0;
    }

    byte[] tiers() {
        return tier;
    }

    byte[] below() {
        return below;
    }

    byte[] overriddenFlags() {
        return overridden;
    }

    @Override
    public String toString() {
        return "TierState[rows=" + tier.length + "]";
    }
}

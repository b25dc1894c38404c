package io.crmkit.analytics.segment;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.time.Clock;

/**
 * The rows of a frame that belong to a segment, as a bitmap. Immutable and thread-safe.
 */
public final class Membership {

    private final String segment;
    private final FeatureFrame frame;
    private final long[] bits;
    private final int count;

    Membership(String segment, FeatureFrame frame, long[] bits) {
        this.segment = segment;
        this.frame = frame;
        this.bits = bits;
        int c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        this.count = c;
    }

    public String segment() {
        return segment;
    }

    public int count() {
        return count;
    }

    public boolean contains(int row) {
        return (bits[row >>> 6] & (1L << row)) != 0;
    }

    /**
     * Keeps in {@code words} (one bit per row of the frame, row r at bit r % 64 of word r / 64) only
     * the member rows: a word-wise AND with this bitmap.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code words} when its length is not
     *     the frame's word count
     */
    public void andInto(long[] words) {
        Checks.notNull(words, "words");
        if (words.length != bits.length) {
            throw Checks.invalid("words", "Size", "must hold " + bits.length + " words (one bit per row)");
        }
        for (int w = 0; w < bits.length; w++) {
            words[w] &= bits[w];
        }
    }

    /** Member rows in increasing order. */
    public int[] rows() {
        int[] out = new int[count];
        int p = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[p++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }

    /** Member customer ids in row order. */
    public long[] customerIds() {
        int[] rows = rows();
        long[] ids = frame.ids();
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ids[rows[i]];
        }
        return out;
    }

    /** Sum of a numeric feature over the members. */
    public double sum(String feature) {
        double[] col = frame.numeric(feature);
        double s = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                s += col[(w << 6) + Long.numberOfTrailingZeros(word)];
                word &= word - 1;
            }
        }
        return s;
    }

    /** Statistics of the members against the whole frame. */
    public SegmentStatistics statistics(String assetsFeature, String contributionFeature) {
        double totalAssets = sumAll(frame.numeric(assetsFeature));
        double totalContribution = sumAll(frame.numeric(contributionFeature));
        return SegmentStatistics.of(segment, count, frame.size(), sum(assetsFeature), totalAssets,
                sum(contributionFeature), totalContribution);
    }

    /** A dated snapshot of the member ids, for comparing runs. */
    public MembershipSnapshot snapshot(Clock clock) {
        Checks.notNull(clock, "clock");
        return MembershipSnapshot.of(segment, clock.instant(), customerIds());
    }

    static double sumAll(double[] col) {
        double s = 0;
        for (double v : col) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Membership[segment=" + segment + ", count=" + count + "]";
    }
}

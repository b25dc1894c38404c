package io.crmkit.analytics.segment;

import io.crmkit.analytics.internal.Checks;
import java.time.Instant;
import java.util.Arrays;

/**
 * The members of a segment at a point in time, as sorted distinct customer ids, with the
 * difference to an earlier snapshot (who joined, who left).
 *
 * <p>Immutable and thread-safe: arrays are copied in and out. {@code toString} shows counts only.
 */
public final class MembershipSnapshot {

    private final String segment;
    private final Instant asOf;
    private final long[] ids;

    private MembershipSnapshot(String segment, Instant asOf, long[] sortedIds) {
        this.segment = segment;
        this.asOf = asOf;
        this.ids = sortedIds;
    }

    public static MembershipSnapshot of(String segment, Instant asOf, long[] customerIds) {
        Checks.featureName(segment, "snapshot.segment");
        Checks.notNull(asOf, "snapshot.asOf");
        long[] sorted = Checks.notNull(customerIds, "snapshot.customerIds").clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw Checks.invalid("snapshot.customerIds", "must be distinct");
            }
        }
        return new MembershipSnapshot(segment, asOf, sorted);
    }

    public String segment() {
        return segment;
    }

    public Instant asOf() {
        return asOf;
    }

    public int count() {
        return ids.length;
    }

    /** Member ids, ascending (a copy). */
    public long[] customerIds() {
        return ids.clone();
    }

    public boolean contains(long customerId) {
        return Arrays.binarySearch(ids, customerId) >= 0;
    }

    /** Ids in this snapshot but not in {@code earlier}, ascending. */
    public long[] joinedSince(MembershipSnapshot earlier) {
        return minus(ids, Checks.notNull(earlier, "earlier").ids);
    }

    /** Ids in {@code earlier} but not in this snapshot, ascending. */
    public long[] leftSince(MembershipSnapshot earlier) {
        return minus(Checks.notNull(earlier, "earlier").ids, ids);
    }

    private static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        int p = 0;
        int j = 0;
        for (long x : a) {
            while (j < b.length && b[j] < x) {
                j++;
            }
            if (j >= b.length || b[j] != x) {
                out[p++] = x;
            }
        }
        return Arrays.copyOf(out, p);
    }

    @Override
    public String toString() {
        return "MembershipSnapshot[segment=" + segment + ", asOf=" + asOf + ", count=" + ids.length + "]";
    }
}

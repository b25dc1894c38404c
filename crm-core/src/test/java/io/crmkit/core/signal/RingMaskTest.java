package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A ring with a mask of held buckets measures what eagerly cleared buckets would hold")
class RingMaskTest {

    /** Count, sum (added in arrival order) and maximum of one bucket. */
    private static final class Bucket {
        long count;
        double sum;
        double max = Double.NaN;
    }

    @ParameterizedTest(name = "{0} slots")
    @ValueSource(ints = {1, 2, 7, 12, 45, 48})
    @DisplayName("over random gaps, fractional and negative values, every window length, and after a checkpoint round trip")
    void agreesWithEveryBucketKept(int slots) throws Exception {
        SplittableRandom rnd = new SplittableRandom(31L * slots);
        // two rings side by side, as in a slab: heads first, then the buckets
        Ring other = new Ring(0, 1_000, 3, true, false, false, 0, 2 * Ring.HEAD);
        Ring ring = new Ring(0, 1_000, slots, true, true, true, Ring.HEAD, 2 * Ring.HEAD + other.cellsLength());
        long[] slab = new long[5 + 2 * Ring.HEAD + other.cellsLength() + ring.cellsLength()];
        int base = 5;
        other.init(slab, base);
        ring.init(slab, base);
        TreeMap<Long, Bucket> kept = new TreeMap<>();
        long b = rnd.nextLong(1_000_000);
        for (int step = 0; step < 20_000; step++) {
            int gap = rnd.nextInt(10);
            b += gap < 5 ? 0 : gap < 8 ? rnd.nextInt(slots + 1) : rnd.nextInt(3 * slots + 1);
            double v = switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextInt(1_000);
                case 1 -> rnd.nextDouble() * 1e6 - 3e5;
                default -> 0.1 * rnd.nextInt(100);
            };
            ring.add(slab, base, b, v);
            other.add(slab, base, b, 1);
            Bucket k = kept.computeIfAbsent(b, x -> new Bucket());
            k.count++;
            k.sum += v;
            k.max = Double.isNaN(k.max) ? v : Math.max(k.max, v);
            long at = b + rnd.nextInt(2 * slots + 1);
            int n = 1 + rnd.nextInt(slots);
            check(ring, slab, base, kept, b, at, n);
            if (step % 997 == 0) {
                slab = roundTrip(ring, other, slab, base);
                check(ring, slab, base, kept, b, at, n);
            }
        }
    }

    private static void check(Ring ring, long[] slab, int base, TreeMap<Long, Bucket> kept, long newest, long at, int n) {
        long lo = Math.max(at - n + 1, newest - ring.slots + 1);
        long hi = Math.min(at, newest);
        long count = 0;
        double sum = 0;
        double max = Double.NaN;
        for (Bucket k : lo > hi ? java.util.List.<Bucket>of() : kept.subMap(lo, true, hi, true).values()) { // oldest first
            count += k.count;
            sum += k.sum;
            max = Double.isNaN(max) ? k.max : Math.max(max, k.max);
        }
        assertThat(ring.measure(slab, base, Measure.COUNT, at, n)).isEqualTo((double) count);
        assertThat(ring.measure(slab, base, Measure.SUM, at, n)).isEqualTo(sum);
        assertThat(ring.measure(slab, base, Measure.MAX, at, n)).isEqualTo(Double.isNaN(max) ? 0 : max);
    }

    /** Writes both rings as a checkpoint does and reads them into a fresh slab over stale numbers. */
    private static long[] roundTrip(Ring ring, Ring other, long[] slab, int base) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        other.write(slab, base, out);
        ring.write(slab, base, out);
        out.flush();
        long[] fresh = new long[slab.length];
        java.util.Arrays.fill(fresh, 0x7ff0_0000_0000_0001L); // junk: what reading does not set must not matter
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        other.read(fresh, base, in);
        ring.read(fresh, base, in);
        assertThat(in.available()).isZero();
        return fresh;
    }
}

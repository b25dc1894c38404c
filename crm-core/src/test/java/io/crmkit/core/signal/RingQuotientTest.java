package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rings' division without a divide instruction equals Math.floorDiv")
class RingQuotientTest {

    private static final long[] DIVISORS = {1, 2, 3, 7, 12, 28, 30, 36, 40, 45, 48, 1_000, 5_000, 15_000, 300_000,
        1_800_000, 7_200_000, 21_600_000, 86_400_000, 172_800_000, 2_592_000_000L};

    @Test
    @DisplayName("for event times, bucket numbers, exact multiples and their neighbours, and values past the fast range")
    void equalsFloorDiv() {
        SplittableRandom rnd = new SplittableRandom(2026);
        for (long d : DIVISORS) {
            double inverse = 1.0 / d;
            for (int i = 0; i < 200_000; i++) {
                long x = switch (i % 4) {
                    case 0 -> rnd.nextLong(7_258_118_400_000L); // 1970-2200 in milliseconds
                    case 1 -> rnd.nextLong(1L << 50);
                    case 2 -> rnd.nextLong(1L << 40) * d + (rnd.nextInt(3) - 1); // at and next to multiples
                    default -> rnd.nextLong() >> rnd.nextInt(14); // anything, negatives and huge ones too
                };
                assertThat(Ring.quotient(x, d, inverse)).as("%d / %d", x, d).isEqualTo(Math.floorDiv(x, d));
            }
        }
    }
}

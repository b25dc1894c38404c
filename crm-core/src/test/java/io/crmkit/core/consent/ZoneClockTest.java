package io.crmkit.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A zone clock answers as the zone rules do, inside and outside its precomputed ranges")
class ZoneClockTest {
    private static final long AS_OF = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
    private static final ZoneId[] ZONES = {ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
        ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"),
        ZoneId.of("Pacific/Apia"), ZoneId.of("America/Santiago"), ZoneOffset.ofHoursMinutes(5, 45)};
    private static final LocalTime[] ENDS = {LocalTime.of(8, 0), LocalTime.of(2, 30), LocalTime.of(1, 30),
        LocalTime.of(0, 0), LocalTime.of(2, 0)};

    @Test
    @DisplayName("the offset at every transition from 1990 to 2045, a second either side, and at random instants")
    void offsets() {
        Random r = new Random(7);
        for (ZoneId z : ZONES) {
            ZoneRules rules = z.getRules();
            ZoneClock clock = new ZoneClock(rules, null, AS_OF);
            ZoneOffsetTransition tr = rules.nextTransition(Instant.parse("1990-01-01T00:00:00Z"));
            while (tr != null && tr.getInstant().isBefore(Instant.parse("2045-01-01T00:00:00Z"))) {
                for (long s = tr.toEpochSecond() - 1; s <= tr.toEpochSecond() + 1; s++) {
                    assertThat(clock.offsetAt(s)).as("%s at %d", z, s).isEqualTo(offset(rules, s));
                }
                tr = rules.nextTransition(tr.getInstant());
            }
            for (int i = 0; i < 20_000; i++) {
                long s = AS_OF + (long) ((r.nextDouble() - 0.5) * 20 * 366 * 86_400);
                assertThat(clock.offsetAt(s)).as("%s at %d", z, s).isEqualTo(offset(rules, s));
            }
        }
    }

    @Test
    @DisplayName("the end of the quiet hours for days from a year before to a year after, gaps and overlaps included")
    void quietEnds() {
        Random r = new Random(11);
        long asOfDay = Math.floorDiv(AS_OF, 86_400);
        for (ZoneId z : ZONES) {
            ZoneRules rules = z.getRules();
            for (LocalTime end : ENDS) {
                ZoneClock clock = new ZoneClock(rules, end, AS_OF);
                for (long day = asOfDay - 366; day <= asOfDay + 366; day++) {
                    long noon = (day * 86_400 + 43_200) * 1_000_000L;
                    long[] ts = {noon - 86_400_000_000L, noon, noon + 3_600_000_000L * r.nextInt(24),
                        noon + 43_200_000_000L - 1, noon + 50_400_000_000L};
                    for (long t : ts) {
                        assertThat(clock.quietEndAfter(day, t)).as("%s end %s day %d t %d", z, end, day, t)
                                .isEqualTo(reference(rules, end, day, t));
                    }
                }
            }
        }
    }

    private static int offset(ZoneRules rules, long second) {
        return rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
    }

    /** The computation the kernel used before the clocks: straight from the zone rules. */
    private static long reference(ZoneRules zone, LocalTime end, long day, long t) {
        LocalDateTime endLocal = LocalDateTime.of(LocalDate.ofEpochDay(day), end);
        List<ZoneOffset> offsets = zone.getValidOffsets(endLocal);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getTransition(endLocal);
            return Math.max(t + 1, PolicyKernel.micros(gap.getInstant()));
        }
        for (ZoneOffset o : offsets) {
            long candidate = endLocal.toEpochSecond(o) * 1_000_000L;
            if (candidate > t) {
                return candidate;
            }
        }
        return t + 1;
    }
}

package io.crmkit.core.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One time zone as the contact policy reads it, with what a decision asks of it worked out in
 * advance around the snapshot's instant: the offset transitions from a year before to two years
 * after it, and for the two weeks from the day before it the instants at which each local day's
 * quiet hours end. Questions outside those ranges are answered from the {@link ZoneRules} by the
 * same computation that filled the tables, so the answers never depend on the range. Immutable and
 * thread-safe.
 */
final class ZoneClock {
    private static final long MICROS = 1_000_000L;
    private static final long DAY_SECONDS = 86_400L;
    private static final int QUIET_DAYS = 15;
    /** A quiet end that falls into a spring-forward gap: the end is the gap's instant. */
    private static final long GAP = Long.MAX_VALUE;
    /** No second candidate (the local end time is not in an overlap). */
    private static final long NONE = Long.MIN_VALUE;

    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedOffset;
    private final long fromSecond;
    private final long toSecond;
    /** Transition instants in {@code [fromSecond, toSecond)}, ascending. */
    private final long[] transitions;
    /** {@code offsets[i]}: the offset in seconds before {@code transitions[i]} (the last one after the last transition). */
    private final int[] offsets;
    private final @Nullable LocalTime quietEnd;
    private final long firstDay;
    private final int quietDays;
    /** Per local day from {@code firstDay}, two candidates for the quiet end (micros; see {@link #candidates}). */
    private final long[] quietEnds;

    /** A clock for {@code rules} around {@code asOfSecond}; {@code quietEnd} is the end of the quiet hours, if any. */
    ZoneClock(ZoneRules rules, @Nullable LocalTime quietEnd, long asOfSecond) {
        this.rules = rules;
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        this.quietEnd = quietEnd;
        this.fromSecond = asOfSecond - 366 * DAY_SECONDS;
        this.toSecond = asOfSecond + 2 * 366 * DAY_SECONDS;
        long[] ts = new long[8];
        int[] os = new int[9];
        int n = 0;
        os[0] = rules.getOffset(Instant.ofEpochSecond(fromSecond)).getTotalSeconds();
        ZoneOffsetTransition tr = fixed ? null : rules.nextTransition(Instant.ofEpochSecond(fromSecond));
        while (tr != null && tr.toEpochSecond() < toSecond) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                os = Arrays.copyOf(os, n * 2 + 1);
            }
            ts[n] = tr.toEpochSecond();
            os[++n] = tr.getOffsetAfter().getTotalSeconds();
            tr = rules.nextTransition(tr.getInstant());
        }
        this.transitions = Arrays.copyOf(ts, n);
        this.offsets = Arrays.copyOf(os, n + 1);
        this.firstDay = Math.floorDiv(asOfSecond, DAY_SECONDS) - 1;
        this.quietDays = quietEnd == null ? 0 : QUIET_DAYS;
        this.quietEnds = new long[2 * quietDays];
        for (int i = 0; i < quietDays; i++) {
            long[] c = candidates(firstDay + i);
            quietEnds[2 * i] = c[0];
            quietEnds[2 * i + 1] = c[1];
        }
    }

    /** The zone's offset from UTC, in seconds, at {@code second} since the epoch. */
    int offsetAt(long second) {
        if (fixed) {
            return fixedOffset;
        }
        if (second < fromSecond || second >= toSecond) {
            return rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        }
        int lo = 0;
        int hi = transitions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (transitions[mid] <= second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return offsets[lo];
    }

    /**
     * The first instant after {@code t} (micros) at which the quiet hours that end on local day
     * {@code day} (days since the epoch) are over: the local end time under the first of its valid
     * offsets that gives an instant after {@code t}; when the end time falls into a spring-forward
     * gap, the end of the gap.
     */
    long quietEndAfter(long day, long t) {
        long first;
        long second;
        long i = day - firstDay;
        if (i >= 0 && i < quietDays) {
            first = quietEnds[(int) (2 * i)];
            second = quietEnds[(int) (2 * i + 1)];
        } else {
            long[] c = candidates(day);
            first = c[0];
            second = c[1];
        }
        if (second == GAP) {
            return Math.max(t + 1, first);
        }
        if (first > t) {
            return first;
        }
        if (second != NONE && second > t) {
            return second;
        }
        return t + 1;
    }

    /**
     * The quiet end of local day {@code day} in micros since the epoch: {@code {instant, NONE}} for
     * an ordinary day, {@code {earlier, later}} when the end time is in an overlap, and
     * {@code {gapInstant, GAP}} when it is in a gap.
     */
    private long[] candidates(long day) {
        if (quietEnd == null) {
            throw new IllegalStateException("no quiet hours");
        }
        LocalDateTime endLocal = LocalDateTime.of(LocalDate.ofEpochDay(day), quietEnd);
        List<ZoneOffset> valid = rules.getValidOffsets(endLocal);
        if (valid.isEmpty()) {
            return new long[] {PolicyKernel.micros(rules.getTransition(endLocal).getInstant()), GAP};
        }
        long first = endLocal.toEpochSecond(valid.get(0)) * MICROS;
        long second = valid.size() > 1 ? endLocal.toEpochSecond(valid.get(1)) * MICROS : NONE;
        return new long[] {first, second};
    }
}

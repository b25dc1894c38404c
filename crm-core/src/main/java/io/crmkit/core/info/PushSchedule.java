package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a push goes out: a day and a local time, read in each subscriber's own zone (so 08:30 is
 * 08:30 in Shanghai for one subscriber and in London for another). The morning note goes out before
 * the market opens: {@link #morningNote(LocalDate)} is 08:30 local (the Shanghai and Shenzhen
 * exchanges open their call auction at 09:15).
 *
 * <p>Immutable and thread-safe.
 *
 * @param day the calendar day, in each subscriber's zone
 * @param localTime the wall-clock time in each subscriber's zone
 */
public record PushSchedule(LocalDate day, LocalTime localTime) {
    public PushSchedule {
        Check.notNull(day, "day");
        Check.notNull(localTime, "localTime");
        Check.that(day.getYear() >= 2000 && day.getYear() <= 2200, "day", "Range", "must be in the years 2000 to 2200");
    }

    public static PushSchedule of(LocalDate day, LocalTime localTime) {
        return new PushSchedule(day, localTime);
    }

    /** 08:30 local on {@code day}, before the open. */
    public static PushSchedule morningNote(LocalDate day) {
        return new PushSchedule(day, LocalTime.of(8, 30));
    }

    /** The instant of this schedule in {@code zone} (a gap in a DST change moves it forward, as {@link ZonedDateTime#of}). */
    public java.time.Instant in(ZoneId zone) {
        return ZonedDateTime.of(day, localTime, zone).toInstant();
    }
}

package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.error.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the clock of an SLA runs: working hours on working days in a time zone. A date is a working
 * day when its weekday is one of {@code workingDays} and it is not a holiday, or when it is one of
 * {@code adjustedWorkingDays} — the weekend days China's holiday schedule makes working days
 * (调休) to pay for a longer holiday; those have the same {@code hours}. A date may not be both a
 * holiday and an adjusted working day. The library ships no national schedule: the firm loads the
 * year's dates as data (the State Council publishes them each November).
 *
 * <p>Bounds: at most {@link #MAX_DATES} holidays and as many adjusted days; at most 8 windows a day;
 * spans of at most {@link #MAX_SPAN_DAYS} days. A calendar must have some working time in every
 * stretch of {@link #MAX_SPAN_DAYS} days that {@link #plus} searches, or it refuses.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the calendar's code
 * @param zone the zone its hours are in
 * @param workingDays the weekdays that are working days
 * @param hours the working windows of a working day, sorted, not overlapping
 * @param holidays dates that are not working days
 * @param adjustedWorkingDays dates that are working days whatever their weekday (调休)
 */
public record BusinessCalendar(String id, ZoneId zone, Set<DayOfWeek> workingDays, List<TimeWindow> hours,
        Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
    /** Most holidays (and most adjusted working days) one calendar holds. */
    public static final int MAX_DATES = 5_000;
    /** Longest span, in days, the calendar measures or searches. */
    public static final int MAX_SPAN_DAYS = 3_700;

    public BusinessCalendar {
        Ids.check(id, "calendar.id");
        Check.notNull(zone, "calendar.zone");
        workingDays = sorted(Check.set(workingDays, "calendar.workingDays"));
        List<TimeWindow> sorted = new ArrayList<>(Check.list(hours, "calendar.hours"));
        Check.that(!sorted.isEmpty() && sorted.size() <= 8, "calendar.hours", "Size", "must hold 1 to 8 windows");
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            Check.that(sorted.get(i - 1).endMinute() <= sorted.get(i).startMinute(), "calendar.hours", "NoOverlap",
                    "windows must not overlap");
        }
        hours = List.copyOf(sorted);
        holidays = sorted(Check.set(holidays, "calendar.holidays"));
        adjustedWorkingDays = sorted(Check.set(adjustedWorkingDays, "calendar.adjustedWorkingDays"));
        Check.that(holidays.size() <= MAX_DATES, "calendar.holidays", "Size", "must hold at most " + MAX_DATES + " dates");
        Check.that(adjustedWorkingDays.size() <= MAX_DATES, "calendar.adjustedWorkingDays", "Size",
                "must hold at most " + MAX_DATES + " dates");
        for (LocalDate d : adjustedWorkingDays) {
            Check.that(!holidays.contains(d), "calendar.adjustedWorkingDays", "NotHoliday",
                    "a date must not be both a holiday and an adjusted working day");
        }
        Check.that(!workingDays.isEmpty() || !adjustedWorkingDays.isEmpty(), "calendar.workingDays", "NotEmpty",
                "a calendar needs working days");
    }

    /** Monday to Friday, the given hours, no holidays yet. */
    public static BusinessCalendar weekdays(String id, ZoneId zone, TimeWindow... hours) {
        return new BusinessCalendar(id, zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(Check.notNull(hours, "calendar.hours")), Set.of(), Set.of());
    }

    /** Round the clock, every day: for promises such as "every complaint answered within 24 hours". */
    public static BusinessCalendar always(String id, ZoneId zone) {
        return new BusinessCalendar(id, zone, EnumSet.allOf(DayOfWeek.class), List.of(new TimeWindow(0, TimeWindow.DAY)),
                Set.of(), Set.of());
    }

    /** A copy with these holidays added. */
    public BusinessCalendar withHolidays(LocalDate... dates) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(List.of(Check.notNull(dates, "calendar.holidays")));
        return new BusinessCalendar(id, zone, workingDays, hours, all, adjustedWorkingDays);
    }

    /** A copy with these adjusted working days (调休) added. */
    public BusinessCalendar withAdjustedWorkingDays(LocalDate... dates) {
        Set<LocalDate> all = new TreeSet<>(adjustedWorkingDays);
        all.addAll(List.of(Check.notNull(dates, "calendar.adjustedWorkingDays")));
        return new BusinessCalendar(id, zone, workingDays, hours, holidays, all);
    }

    /** Whether {@code date} is a working day of this calendar. */
    public boolean isWorkingDay(LocalDate date) {
        Check.notNull(date, "date");
        return adjustedWorkingDays.contains(date) || (workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date));
    }

    /**
     * The working time between two instants ({@link Duration#ZERO} unless {@code to} is after
     * {@code from}).
     *
     * @throws ValidationException on field {@code to} if the span is longer than {@link #MAX_SPAN_DAYS} days
     */
    public Duration between(Instant from, Instant to) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        if (first.plusDays(MAX_SPAN_DAYS).isBefore(last)) {
            throw ValidationException.of("to", "Span", "must be at most " + MAX_SPAN_DAYS + " days after from");
        }
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (TimeWindow w : hours) {
                Instant start = at(d, w.startMinute());
                Instant end = at(d, w.endMinute());
                Instant a = start.isAfter(from) ? start : from;
                Instant b = end.isBefore(to) ? end : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}: the first
     * instant {@code t} with {@code between(from, t) == amount}. A zero or negative amount is
     * {@code from} itself.
     *
     * @throws ValidationException on field {@code calendar} if there is not that much working time
     *     within {@link #MAX_SPAN_DAYS} days
     */
    public Instant plus(Instant from, Duration amount) {
        Check.notNull(from, "from");
        Check.notNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        for (int i = 0; i <= MAX_SPAN_DAYS; i++) {
            LocalDate d = first.plusDays(i);
            if (!isWorkingDay(d)) {
                continue;
            }
            for (TimeWindow w : hours) {
                Instant start = at(d, w.startMinute());
                Instant end = at(d, w.endMinute());
                Instant a = start.isAfter(from) ? start : from;
                if (!end.isAfter(a)) {
                    continue;
                }
                Duration available = Duration.between(a, end);
                if (left.compareTo(available) <= 0) {
                    return a.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw ValidationException.of("calendar", "WorkingTime",
                "has less working time than the target within " + MAX_SPAN_DAYS + " days");
    }

    /**
     * An unmodifiable sorted copy: stored documents, audit diffs and equal calendars then list the
     * elements in one order ({@code Set.copyOf} iterates in an order that differs between copies).
     */
    static <T extends Comparable<? super T>> Set<T> sorted(Set<T> values) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private Instant at(LocalDate d, int minute) {
        if (minute == TimeWindow.DAY) {
            return d.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return LocalDateTime.of(d, LocalTime.of(minute / 60, minute % 60)).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[id=" + id + ", zone=" + zone + ", workingDays=" + workingDays.size() + ", windows="
                + hours.size() + ", holidays=" + holidays.size() + ", adjusted=" + adjustedWorkingDays.size() + "]";
    }
}

package io.crmkit.core.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;

/**
 * Working hours within one day, as minutes of the local day: from {@code startMinute} (inclusive)
 * to {@code endMinute} (exclusive), {@code 0 <= start < end <= 1440}; {@code 1440} is midnight at
 * the end of the day, so {@code TimeWindow.of("00:00", "24:00")} is the whole day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startMinute first working minute of the day
 * @param endMinute the minute work stops
 */
public record TimeWindow(int startMinute, int endMinute) implements Comparable<TimeWindow> {
    /** Minutes in a day. */
    public static final int DAY = 1_440;

    public TimeWindow {
        Check.range(startMinute, 0, DAY - 1, "window.start");
        Check.range(endMinute, 1, DAY, "window.end");
        Check.that(startMinute < endMinute, "window.end", "AfterStart", "must be after the start");
    }

    /** A window from {@code "HH:mm"} to {@code "HH:mm"} ({@code "24:00"} allowed as the end). */
    public static TimeWindow of(String start, String end) {
        return new TimeWindow(minute(start, "window.start"), minute(end, "window.end"));
    }

    private static int minute(String text, String field) {
        Check.notNull(text, field);
        if (!text.matches("\\d{2}:\\d{2}")) {
            throw ValidationException.of(field, "Time", "must be HH:mm");
        }
        int h = Integer.parseInt(text.substring(0, 2));
        int m = Integer.parseInt(text.substring(3));
        Check.that(m < 60 && (h < 24 || (h == 24 && m == 0)), field, "Time", "must be a time of day from 00:00 to 24:00");
        return h * 60 + m;
    }

    /** Working minutes in the window. */
    @JsonIgnore
    public int minutes() {
        return endMinute - startMinute;
    }

    @Override
    public int compareTo(TimeWindow o) {
        return Integer.compare(startMinute, o.startMinute);
    }
}

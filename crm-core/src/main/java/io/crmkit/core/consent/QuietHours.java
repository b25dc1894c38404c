package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.interaction.Channel;
import java.time.LocalTime;
import java.util.Set;

/**
 * The hours of the day, in the customer's own time zone, in which the given channels stay quiet:
 * local times in {@code [start, end)}, across midnight when {@code start} is after {@code end}
 * (for example 21:00 to 08:00). Over a daylight-saving change the local clock decides: a quiet
 * period ends at the first instant whose local time is no longer in the window (so when {@code end}
 * falls into a spring-forward gap, at the end of the gap).
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first quiet local time, whole minutes
 * @param end the first local time that is no longer quiet, whole minutes, not equal to {@code start}
 * @param channels the channels that keep quiet (email and letters usually do not need to)
 */
public record QuietHours(LocalTime start, LocalTime end, Set<Channel> channels) {
    public QuietHours {
        Check.notNull(start, "quietHours.start");
        Check.notNull(end, "quietHours.end");
        Check.that(start.getSecond() == 0 && start.getNano() == 0 && end.getSecond() == 0 && end.getNano() == 0,
                "quietHours", "WholeMinutes", "start and end must be whole minutes");
        Check.that(!start.equals(end), "quietHours.end", "NotStart", "must differ from start");
        channels = Set.copyOf(Check.set(channels, "quietHours.channels"));
        Check.that(!channels.isEmpty(), "quietHours.channels", "NotEmpty", "must name at least one channel");
    }

    /** Quiet hours from {@code start} to {@code end} on the given channels. */
    public static QuietHours of(LocalTime start, LocalTime end, Channel... channels) {
        return new QuietHours(start, end, Set.of(Check.notNull(channels, "quietHours.channels")));
    }

    /** Whether {@code local} (a local time of day) is quiet. */
    public boolean quietAt(LocalTime local) {
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }
}

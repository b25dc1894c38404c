package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import java.util.Set;

/**
 * A firm-wide frequency cap: at most {@code max} carried-out contacts for {@code purpose} on the
 * given channels in any rolling {@code window}, whichever department makes them. A contact at
 * instant {@code t} is within the cap when fewer than {@code max} logged contacts of that purpose
 * (and channels) lie in {@code (t - window, t]}.
 *
 * <pre>{@code
 * FrequencyCap.of(ConsentPurpose.MARKETING, 2, Duration.ofDays(7));              // any channel
 * FrequencyCap.of(ConsentPurpose.MARKETING, 1, Duration.ofDays(1), Channel.PHONE, Channel.CALL_CENTRE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose the purpose capped
 * @param channels the channels counted (and capped); empty for every channel
 * @param max the most contacts in a window, 1 to {@value #MAX_COUNT}
 * @param window the rolling window, whole minutes from one minute to {@value #MAX_WINDOW_DAYS} days
 */
public record FrequencyCap(ConsentPurpose purpose, Set<Channel> channels, int max, Duration window) {
    /** The largest {@code max}. */
    public static final int MAX_COUNT = 1_000;
    /** The longest window, in days. */
    public static final int MAX_WINDOW_DAYS = 366;

    public FrequencyCap {
        Check.notNull(purpose, "cap.purpose");
        channels = Set.copyOf(Check.set(channels, "cap.channels"));
        Check.range(max, 1, MAX_COUNT, "cap.max");
        Check.notNull(window, "cap.window");
        Check.that(!window.isNegative() && window.compareTo(Duration.ofMinutes(1)) >= 0
                && window.compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) <= 0, "cap.window", "Range",
                "must be from one minute to " + MAX_WINDOW_DAYS + " days");
        Check.that(window.toSecondsPart() == 0 && window.toNanosPart() == 0, "cap.window", "WholeMinutes",
                "must be whole minutes");
    }

    public static FrequencyCap of(ConsentPurpose purpose, int max, Duration window, Channel... channels) {
        return new FrequencyCap(purpose, Set.of(Check.notNull(channels, "cap.channels")), max, window);
    }

    /** Whether a contact on {@code channel} for {@code p} counts towards (and is held by) this cap. */
    public boolean covers(ConsentPurpose p, Channel channel) {
        return purpose == p && (channels.isEmpty() || channels.contains(channel));
    }
}

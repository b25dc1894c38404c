package io.crmkit.core.outreach;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an automated open or click is told from a person's, so that link scanners, mail-security
 * gateways and crawlers do not inflate campaign and push figures. An engagement is automated when
 * any of these holds:
 * <ol>
 *   <li>the host flagged its user agent as a known bot or scanner ({@link Engagement#automatedAgent()});
 *   <li>it came sooner than {@link #minDelay()} after the delivery (scanners open and follow every
 *       link within seconds of arrival; a person rarely does); with no delivery time known this
 *       rule does not apply;
 *   <li>it is one of more than {@link #maxPerMinute()} engagements of the same customer on the same
 *       source within any 60 seconds (every engagement of such a burst counts as automated).
 * </ol>
 * Defaults: 10 seconds, 5 per minute.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minDelay engagements sooner than this after delivery are automated; 0 to 1 hour
 * @param maxPerMinute most engagements per customer and source in 60 seconds that still count; 1 to 1,000
 */
public record BotRules(Duration minDelay, int maxPerMinute) {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    public BotRules {
        Check.notNull(minDelay, "botRules.minDelay");
        if (minDelay.isNegative() || minDelay.compareTo(Duration.ofHours(1)) > 0) {
            throw ValidationException.of("botRules.minDelay", "Range", "must be 0 to 1 hour");
        }
        Check.range(maxPerMinute, 1, 1_000, "botRules.maxPerMinute");
    }

    public static BotRules defaults() {
        return new BotRules(Duration.ofSeconds(10), 5);
    }

    public static BotRules of(Duration minDelay, int maxPerMinute) {
        return new BotRules(minDelay, maxPerMinute);
    }

    /**
     * The engagements of one customer on one source that count as a person's, in time order.
     *
     * @param engagements that customer's engagements on that source, any order
     * @param deliveredAt when the source reached the customer, or {@code null} if unknown
     */
    public List<Engagement> human(List<Engagement> engagements, @Nullable Instant deliveredAt) {
        List<Engagement> sorted = new ArrayList<>(engagements);
        sorted.sort(Comparator.comparing(Engagement::at).thenComparing(Engagement::id));
        boolean[] burst = new boolean[sorted.size()];
        // A sliding 60-second window: every member of a window holding too many is automated.
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (Duration.between(sorted.get(from).at(), sorted.get(to).at()).compareTo(WINDOW) >= 0) {
                from++;
            }
            if (to - from + 1 > maxPerMinute) {
                for (int i = from; i <= to; i++) {
                    burst[i] = true;
                }
            }
        }
        List<Engagement> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Engagement e = sorted.get(i);
            boolean tooSoon = deliveredAt != null && Duration.between(deliveredAt, e.at()).compareTo(minDelay) < 0;
            if (!burst[i] && !e.automatedAgent() && !tooSoon) {
                out.add(e);
            }
        }
        return out;
    }
}

package io.crmkit.core.outreach;

import io.crmkit.core.check.Check;

/**
 * Delivery, open and click figures of one group (a campaign, a content item, a topic, a branch),
 * with automated engagements counted apart and left out of the rates.
 *
 * <p>Immutable and thread-safe.
 *
 * @param delivered how many deliveries reached a customer
 * @param openers distinct deliveries opened by a person
 * @param clickers distinct deliveries clicked by a person
 * @param automated engagements judged automated ({@link BotRules}) and left out
 */
public record EngagementCounts(long delivered, long openers, long clickers, long automated) {
    public static final EngagementCounts EMPTY = new EngagementCounts(0, 0, 0, 0);

    public EngagementCounts {
        Check.that(delivered >= 0 && openers >= 0 && clickers >= 0 && automated >= 0, "counts", "NonNegative",
                "must not be negative");
    }

    /** Opened by a person, over delivered; 0 with nothing delivered. */
    public double openRate() {
        return delivered == 0 ? 0 : (double) openers / delivered;
    }

    /** Clicked by a person, over delivered; 0 with nothing delivered. */
    public double clickRate() {
        return delivered == 0 ? 0 : (double) clickers / delivered;
    }

    public EngagementCounts plus(EngagementCounts o) {
        return new EngagementCounts(delivered + o.delivered, openers + o.openers, clickers + o.clickers,
                automated + o.automated);
    }
}

package io.crmkit.core.info;

import io.crmkit.core.outreach.EngagementCounts;
import java.util.Map;
import java.util.TreeMap;

/**
 * Delivery, open and click figures of one content item, in all, by subscription topic and by the
 * recipients' branch ({@code "-"} for customers without one), over the deliveries the reading actor
 * may see; automated engagements are judged by {@link io.crmkit.core.outreach.BotRules} and left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contentId the item
 * @param total all deliveries
 * @param byTopic by subscription topic
 * @param byBranch by branch id
 */
public record PushStatistics(ContentItemId contentId, EngagementCounts total, Map<String, EngagementCounts> byTopic,
        Map<String, EngagementCounts> byBranch) {
    public PushStatistics {
        byTopic = Map.copyOf(new TreeMap<>(byTopic));
        byBranch = Map.copyOf(new TreeMap<>(byBranch));
    }
}

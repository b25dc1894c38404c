package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decision for one content item: the pushes that go out (one per subscriber at most, on the
 * first channel the contact policy allows, in the order APP, EMAIL, SMS), and the subscribers left
 * out, counted by reason code (the policy's codes, or {@code CONTENT_NOT_VALID} when the send time
 * falls outside the item's validity).
 *
 * <p>Immutable and thread-safe.
 *
 * @param contentId the item
 * @param pushes the pushes, in customer id order
 * @param refusals subscribers left out, by reason
 * @param deferred how many pushes the policy moved later than the schedule
 */
public record PushPlan(ContentItemId contentId, List<PlannedPush> pushes, Map<String, Integer> refusals, int deferred) {
    public PushPlan {
        Check.notNull(contentId, "contentId");
        pushes = List.copyOf(pushes);
        refusals = Map.copyOf(new TreeMap<>(refusals));
    }

    public int refused() {
        return refusals.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "PushPlan[content=" + contentId + ", pushes=" + pushes.size() + ", refused=" + refused() + ", deferred="
                + deferred + "]";
    }
}

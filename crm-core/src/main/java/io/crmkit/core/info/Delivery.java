package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.OrgUnitId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The record of one push: which item reached (or failed to reach) which customer on which channel,
 * when, and the customer's branch at the time, for statistics by branch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id derived from item and customer, so a re-run of a push never sends twice
 * @param contentId the item
 * @param customerId the recipient
 * @param branch the recipient's branch when pushed, or {@code null}
 * @param topic the subscription topic it honoured
 * @param channel the channel
 * @param sendAt when it was planned for
 * @param attemptedAt when the channel was called
 * @param status delivered or failed
 * @param failure the failure code when failed, else {@code null}
 * @param meta version and who/when
 */
public record Delivery(DeliveryId id, ContentItemId contentId, CustomerId customerId, @Nullable OrgUnitId branch, String topic,
        PushChannel channel, Instant sendAt, Instant attemptedAt, DeliveryStatus status, @Nullable String failure, Meta meta)
        implements Aggregate<DeliveryId, Delivery> {
    public Delivery {
        Check.notNull(id, "id");
        Check.notNull(contentId, "contentId");
        Check.notNull(customerId, "customerId");
        Topics.check(topic, "topic");
        Check.notNull(channel, "channel");
        Check.notNull(sendAt, "sendAt");
        Check.notNull(attemptedAt, "attemptedAt");
        Check.notNull(status, "status");
        failure = Check.optionalText(failure, "failure", 64);
        Check.that((status == DeliveryStatus.FAILED) == (failure != null), "failure", "Status", "is set exactly for failed deliveries");
        Check.notNull(meta, "meta");
    }

    @Override
    public Delivery withMeta(Meta value) {
        return new Delivery(id, contentId, customerId, branch, topic, channel, sendAt, attemptedAt, status, failure, value);
    }
}

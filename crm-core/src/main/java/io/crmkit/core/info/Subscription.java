package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;

/**
 * A customer's subscription to one topic on one channel (信息订阅). Pushes are scheduled in the
 * customer's own time zone (their profile's, else the firm's). Consent stays with the customer's contact points: a subscription never overrides
 * it, every push passes the contact policy. Unsubscribing keeps the record, inactive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id derived from customer, topic and channel (one subscription per triple)
 * @param customerId the subscriber
 * @param topic the topic code
 * @param channel SMS, EMAIL or APP
 * @param active whether pushes go out
 * @param meta version and who/when
 */
public record Subscription(SubscriptionId id, CustomerId customerId, String topic, PushChannel channel,
        boolean active, Meta meta) implements Aggregate<SubscriptionId, Subscription> {
    public Subscription {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Topics.check(topic, "topic");
        Check.notNull(channel, "channel");
        Check.notNull(meta, "meta");
    }

    public Subscription withActive(boolean value) {
        return new Subscription(id, customerId, topic, channel, value, meta);
    }

    @Override
    public Subscription withMeta(Meta value) {
        return new Subscription(id, customerId, topic, channel, active, value);
    }
}

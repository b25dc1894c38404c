package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;

/**
 * A command to subscribe a customer to a topic on a channel; subscribing again reactivates. Send
 * times are read in the customer's own zone ({@code Profile.timeZone()}, else the firm's).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the subscriber
 * @param topic the topic code ({@link Topics})
 * @param channel APP, EMAIL or SMS
 */
public record NewSubscription(CustomerId customerId, String topic, PushChannel channel) {
    public NewSubscription {
        Check.notNull(customerId, "customerId");
        Topics.check(topic, "topic");
        Check.notNull(channel, "channel");
    }

    public static NewSubscription of(CustomerId customerId, String topic, PushChannel channel) {
        return new NewSubscription(customerId, topic, channel);
    }
}

package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A command to subscribe a customer to a topic on a channel; subscribing again reactivates.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the subscriber
 * @param topic the topic code ({@link Topics})
 * @param channel APP, EMAIL or SMS
 * @param zone the subscriber's time zone, or {@code null} for the Crm's business zone
 */
public record NewSubscription(CustomerId customerId, String topic, PushChannel channel, @Nullable ZoneId zone) {
    public NewSubscription {
        Check.notNull(customerId, "customerId");
        Topics.check(topic, "topic");
        Check.notNull(channel, "channel");
    }

    public static NewSubscription of(CustomerId customerId, String topic, PushChannel channel) {
        return new NewSubscription(customerId, topic, channel, null);
    }

    public NewSubscription inZone(ZoneId value) {
        return new NewSubscription(customerId, topic, channel, value);
    }
}

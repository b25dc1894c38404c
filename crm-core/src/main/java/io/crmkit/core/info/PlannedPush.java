package io.crmkit.core.info;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * One decided push: who gets the item, on which channel, when. {@code toString} shows ids only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the subscriber
 * @param subscriptionId the subscription it honours
 * @param topic the subscription's topic
 * @param channel the channel chosen
 * @param sendAt when it goes out (the schedule in the subscriber's zone, or later if the policy deferred it)
 */
public record PlannedPush(CustomerId customerId, SubscriptionId subscriptionId, String topic, PushChannel channel, Instant sendAt) {}

package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import java.util.List;
import java.util.stream.Stream;

/** Subscriptions. CRUD and optimistic versions as for every {@link Repository}. */
public interface SubscriptionRepository extends Repository<Subscription, SubscriptionId> {
    /**
     * Every active subscription to the topic, in id order, read lazily in chunks; the caller closes
     * the stream. A subscription ended (inactive) leaves it at once.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    Stream<Subscription> streamActiveByTopic(String topic);

    /**
     * Every subscription of the customer, active or not, in id order.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Subscription> findByCustomer(CustomerId customerId);
}

package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.spi.SubscriptionRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Subscriptions: the active ones by topic, all by customer. */
final class MemorySubscriptions extends MemoryTable<Subscription, SubscriptionId> implements SubscriptionRepository {
    private final Map<String, TreeSet<SubscriptionId>> activeByTopic = new HashMap<>();
    private final Map<CustomerId, TreeSet<SubscriptionId>> byCustomer = new HashMap<>();

    MemorySubscriptions(InMemoryCrmStore store) {
        super(store, "Subscription");
    }

    @Override
    void index(Subscription s) {
        if (s.active()) {
            add(activeByTopic, s.topic(), s.id());
        }
        add(byCustomer, s.customerId(), s.id());
    }

    @Override
    void unindex(Subscription s) {
        remove(activeByTopic, s.topic(), s.id());
        remove(byCustomer, s.customerId(), s.id());
    }

    @Override
    public Stream<Subscription> streamActiveByTopic(String topic) {
        Check.notNull(topic, "topic");
        return store.read(() -> activeByTopic.getOrDefault(topic, new TreeSet<>()).stream().map(rows::get).toList()).stream();
    }

    @Override
    public List<Subscription> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                s -> customerId.equals(s.customerId()));
    }
}

package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.spi.SubscriptionRepository;
import java.util.List;
import java.util.stream.Stream;

/** Subscriptions on JPA: the active ones by topic (one index range), all by customer. Thread-safe. */
final class JpaSubscriptions extends JpaRepository<Subscription, SubscriptionId, SubscriptionEntity>
        implements SubscriptionRepository {
    JpaSubscriptions(Transactions tx, StoreSettings settings) {
        super(tx, settings, SubscriptionEntity.class, Subscription.class, "Subscription");
    }

    @Override String key(SubscriptionId id) { return id.value(); }

    @Override SubscriptionEntity newEntity() { return new SubscriptionEntity(); }

    @Override
    void copyColumns(Subscription s, SubscriptionEntity e) {
        e.topic = s.topic();
        e.customerId = s.customerId().value();
        e.active = s.active();
    }

    @Override
    public Stream<Subscription> streamActiveByTopic(String topic) {
        Check.notNull(topic, "topic");
        return tx.stream(em -> Jpql.from("Subscription").andAll("e.topic = :t and e.active = true", "t", topic)
                .stream(em, "e.id", settings.fetchSize()).map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }

    @Override
    public List<Subscription> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Subscription").and("e.customerId = :c", "c", customerId.value()).list(em, "e.id", 0)));
    }
}

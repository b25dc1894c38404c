package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.spi.DeliveryRepository;
import java.util.stream.Stream;

/** Deliveries on JPA, indexed by content item. Thread-safe. */
final class JpaDeliveries extends JpaRepository<Delivery, DeliveryId, DeliveryEntity> implements DeliveryRepository {
    JpaDeliveries(Transactions tx, StoreSettings settings) {
        super(tx, settings, DeliveryEntity.class, Delivery.class, "Delivery");
    }

    @Override String key(DeliveryId id) { return id.value(); }

    @Override DeliveryEntity newEntity() { return new DeliveryEntity(); }

    @Override
    void copyColumns(Delivery d, DeliveryEntity e) {
        e.contentId = d.contentId().value();
        e.customerId = d.customerId().value();
    }

    @Override
    public Stream<Delivery> findByContent(ContentItemId contentId) {
        Check.notNull(contentId, "contentId");
        return tx.stream(em -> Jpql.from("Delivery").and("e.contentId = :c", "c", contentId.value())
                .stream(em, "e.id", settings.fetchSize()).map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }
}

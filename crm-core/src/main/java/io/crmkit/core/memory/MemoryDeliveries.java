package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.spi.DeliveryRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Deliveries indexed by content item. */
final class MemoryDeliveries extends MemoryTable<Delivery, DeliveryId> implements DeliveryRepository {
    private final Map<ContentItemId, TreeSet<DeliveryId>> byContent = new HashMap<>();

    MemoryDeliveries(InMemoryCrmStore store) {
        super(store, "Delivery");
    }

    @Override void index(Delivery d) { add(byContent, d.contentId(), d.id()); }

    @Override void unindex(Delivery d) { remove(byContent, d.contentId(), d.id()); }

    @Override
    public Stream<Delivery> findByContent(ContentItemId contentId) {
        Check.notNull(contentId, "contentId");
        return store.read(() -> byContent.getOrDefault(contentId, new TreeSet<>()).stream().map(rows::get).toList()).stream();
    }
}

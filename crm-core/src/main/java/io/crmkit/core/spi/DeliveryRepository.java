package io.crmkit.core.spi;

import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryId;
import java.util.stream.Stream;

/** Recorded pushes. CRUD and optimistic versions as for every {@link Repository}. */
public interface DeliveryRepository extends Repository<Delivery, DeliveryId> {
    /**
     * Every delivery of the item, in id order, read lazily; the caller closes the stream.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    Stream<Delivery> findByContent(ContentItemId contentId);
}

package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import java.util.List;

/** Recorded opens and clicks. CRUD and optimistic versions as for every {@link Repository}. */
public interface EngagementRepository extends Repository<Engagement, EngagementId> {
    /**
     * Every engagement of the source (a campaign's or a delivery's source id), in id order.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<Engagement> findBySource(String sourceId);

    /**
     * The customer's engagements of the source, in id order: {@link #findBySource} narrowed to one
     * customer. A merge reads a campaign member's opens and clicks through it, so a store should
     * answer it without reading the whole source (the default does read it).
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    default List<Engagement> findBySourceAndCustomer(String sourceId, CustomerId customerId) {
        io.crmkit.core.check.Check.notNull(customerId, "customerId");
        return findBySource(sourceId).stream().filter(e -> e.customerId().equals(customerId)).toList();
    }
}

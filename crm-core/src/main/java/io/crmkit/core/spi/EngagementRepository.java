package io.crmkit.core.spi;

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
}

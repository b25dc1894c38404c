package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergeRecord;
import java.util.List;

/**
 * Merge records (see {@link io.crmkit.core.MergeService}). Plain {@link Repository} rules:
 * version 0 inserts, stale versions conflict.
 */
public interface MergeRepository extends Repository<MergeRecord, MergeId> {
    /**
     * Every merge in which {@code customer} was the survivor or the duplicate, undone ones too, in
     * id order.
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<MergeRecord> findByCustomer(CustomerId customer);
}

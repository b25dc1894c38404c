package io.crmkit.core.spi;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Pending (maker-checker) requests. {@link PendingRequest#pendingKey()} is a natural key while a
 * request is {@code PENDING}: {@link #save} refuses a second pending request for the same
 * aggregate and operation with {@link io.crmkit.core.error.DuplicateKeyException} on key
 * {@code pending}; a decided request gives its key up.
 */
public interface PendingRequestRepository extends Repository<PendingRequest, PendingRequestId> {
    /**
     * The pending request holding {@code pendingKey}, if any (this transaction's own writes included).
     *
     * @throws StoreException if the store fails
     */
    Optional<PendingRequest> findPending(String pendingKey);

    /**
     * The customer's requests, any status, by id.
     *
     * @throws StoreException if the store fails
     */
    List<PendingRequest> findByCustomer(CustomerId customerId);

    /**
     * One page of the requests still {@code PENDING}, in id order; the cursor is the last id.
     *
     * @throws io.crmkit.core.error.ValidationException if the cursor is malformed
     * @throws StoreException if the store fails
     */
    Page<PendingRequest> findAllPending(PageRequest page);
}

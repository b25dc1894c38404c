package io.crmkit.core;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maker-checker (初审/复审/审核人): the requests waiting for a checker, and the checker's decision.
 * A change that a {@link io.crmkit.core.approval.FourEyes} rule catches is not applied; the maker
 * gets {@link io.crmkit.core.approval.ApprovalRequiredException} with the request id. A checker —
 * never the maker, with {@link io.crmkit.core.governance.Operation#APPROVE} reaching the record —
 * approves it, which re-validates and applies the change as the maker against the version the
 * maker saw (a record changed since fails with a conflict, and nothing changes), or rejects it
 * with a reason. Every step is audited and published as an event.
 *
 * <p>Thread-safe.
 */
public interface ApprovalService {
    /** Requests still pending that this actor could decide (in its APPROVE scope, not its own), by id. */
    Page<PendingRequest> pending(PageRequest page);

    /** The requests about a visible customer, any status, by id. */
    List<PendingRequest> forCustomer(CustomerId customerId);

    /**
     * The request with this id.
     *
     * @throws io.crmkit.core.error.NotFoundException if absent or about a customer the actor may not see
     */
    PendingRequest get(PendingRequestId id);

    /**
     * Approves; once enough checkers have approved, applies the change in the same transaction.
     * Returns the request as it now stands.
     *
     * @throws io.crmkit.core.error.AccessDeniedException if the actor is the maker or lacks APPROVE over the record
     * @throws io.crmkit.core.error.ValidationException if the request is no longer pending (decided or expired), or the change no longer validates
     * @throws io.crmkit.core.error.ConflictException if the record changed since the request was made, or another checker decided at the same time
     */
    PendingRequest approve(PendingRequestId id, @Nullable String reason);

    /**
     * Rejects with a reason; nothing of the change is applied.
     *
     * @throws io.crmkit.core.error.AccessDeniedException if the actor is the maker or lacks APPROVE over the record
     * @throws io.crmkit.core.error.ValidationException if the request is no longer pending or the reason is missing
     */
    PendingRequest reject(PendingRequestId id, String reason);

    /** Marks every pending request past its expiry as EXPIRED and returns how many. */
    int expireDue();
}

package io.crmkit.core.tier;

import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Map;

/**
 * What one {@link io.crmkit.core.TierService#assignAllByRule} call did: the assignments written
 * (in the order asked), and the changes a four-eyes rule holds back, each a pending request of its
 * own. Entries left out of both were unchanged or held by a manual override.
 *
 * <p>Immutable and thread-safe.
 *
 * @param assigned the history entries written, in the order of the request
 * @param awaitingApproval the pending request of each change that waits for a checker, by customer
 */
public record RuleAssignmentResult(List<TierAssignment> assigned, Map<CustomerId, PendingRequestId> awaitingApproval) {
    public RuleAssignmentResult {
        assigned = Check.list(assigned, "assigned");
        awaitingApproval = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Check.map(awaitingApproval, "awaitingApproval")));
    }

    /** The counts only: the assignments' reasons are free text. */
    @Override
    public String toString() {
        return "RuleAssignmentResult[assigned=" + assigned.size() + ", awaitingApproval=" + awaitingApproval.size() + "]";
    }
}

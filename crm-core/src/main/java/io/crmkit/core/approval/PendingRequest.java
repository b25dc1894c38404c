package io.crmkit.core.approval;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change waiting for approval: the validated call (service, method and arguments as JSON), the
 * version of the record it was made against, who made it, and the approvals so far. Nothing of
 * the change is applied until {@link #requiredApprovals()} distinct checkers other than the maker
 * have approved; approval re-validates and applies it against {@link #baseVersion()}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids and codes only (the arguments may
 * hold personal data).
 *
 * @param id the request id
 * @param operation the operation code, for example {@code customer.update}
 * @param rule the name of the rule that asked for approval
 * @param aggregateType the target's type
 * @param aggregateId the target's id, or {@code null} when the change creates a record
 * @param customerId the customer concerned, or {@code null}
 * @param makerId who asked
 * @param makerUnit the maker's org unit, or {@code null}
 * @param makerRoles the maker's role codes (the change is applied as the maker, with the maker's current permissions)
 * @param makerKind {@code STAFF}, {@code SYSTEM} or {@code CLIENT}
 * @param service the session service, for example {@code customers}
 * @param method the service method, for example {@code update}
 * @param arguments the method's arguments as a JSON array
 * @param baseVersion the target's version when the request was made ({@code -1}: none)
 * @param status where it stands
 * @param requiredApprovals how many distinct checkers must approve, 1 to 5
 * @param approvals the approvals so far
 * @param submittedAt when it was made
 * @param expiresAt when it lapses if undecided
 * @param decidedBy who rejected it or gave the last approval, or {@code null}
 * @param decisionReason the rejection reason, or {@code null}
 * @param meta version and bookkeeping
 */
public record PendingRequest(PendingRequestId id, String operation, String rule, String aggregateType,
        @Nullable String aggregateId, @Nullable CustomerId customerId, String makerId, @Nullable String makerUnit,
        Set<String> makerRoles, String makerKind, String service, String method, String arguments, long baseVersion,
        RequestStatus status, int requiredApprovals, List<Approval> approvals, Instant submittedAt, Instant expiresAt,
        @Nullable String decidedBy, @Nullable String decisionReason, Meta meta)
        implements Aggregate<PendingRequestId, PendingRequest> {
    /** Longest argument document kept. */
    public static final int MAX_ARGUMENTS = 4_000_000;

    public PendingRequest {
        Check.notNull(id, "id");
        Check.notBlank(operation, "operation", 100);
        Check.notBlank(rule, "rule", 100);
        Check.notBlank(aggregateType, "aggregateType", 64);
        Check.notBlank(makerId, "makerId", 64);
        makerRoles = Check.set(makerRoles, "makerRoles");
        Check.notBlank(makerKind, "makerKind", 16);
        Check.notBlank(service, "service", 64);
        Check.notBlank(method, "method", 64);
        Check.notNull(arguments, "arguments");
        Check.that(arguments.length() <= MAX_ARGUMENTS, "arguments", "Size", "too large");
        Check.notNull(status, "status");
        Check.range(requiredApprovals, 1, 5, "requiredApprovals");
        approvals = Check.list(approvals, "approvals");
        Check.notNull(submittedAt, "submittedAt");
        Check.notNull(expiresAt, "expiresAt");
        decisionReason = Check.optionalText(decisionReason, "decisionReason", 1_000);
        Check.notNull(meta, "meta");
    }

    /** Whether it still waits and has not lapsed at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return status == RequestStatus.PENDING && now.isBefore(expiresAt);
    }

    /** The natural key held while pending: one open request per aggregate and operation. */
    public String pendingKey() {
        return aggregateType + "|" + (aggregateId == null ? "-" : aggregateId) + "|" + operation;
    }

    public PendingRequest withApproval(Approval approval) {
        List<Approval> all = new ArrayList<>(approvals);
        all.add(approval);
        boolean done = all.size() >= requiredApprovals;
        return new PendingRequest(id, operation, rule, aggregateType, aggregateId, customerId, makerId, makerUnit, makerRoles,
                makerKind, service, method, arguments, baseVersion, done ? RequestStatus.APPROVED : status, requiredApprovals,
                all, submittedAt, expiresAt, done ? approval.checker() : decidedBy, decisionReason, meta);
    }

    public PendingRequest decided(RequestStatus to, @Nullable String by, @Nullable String reason) {
        return new PendingRequest(id, operation, rule, aggregateType, aggregateId, customerId, makerId, makerUnit, makerRoles,
                makerKind, service, method, arguments, baseVersion, to, requiredApprovals, approvals, submittedAt, expiresAt,
                by, reason, meta);
    }

    @Override
    public PendingRequest withMeta(Meta newMeta) {
        return new PendingRequest(id, operation, rule, aggregateType, aggregateId, customerId, makerId, makerUnit, makerRoles,
                makerKind, service, method, arguments, baseVersion, status, requiredApprovals, approvals, submittedAt,
                expiresAt, decidedBy, decisionReason, newMeta);
    }

    @Override
    public String toString() {
        return "PendingRequest[id=" + id + ", operation=" + operation + ", " + aggregateType + "/" + aggregateId
                + ", maker=" + makerId + ", status=" + status + ", approvals=" + approvals.size() + "/" + requiredApprovals
                + ", version=" + meta.version() + "]";
    }
}

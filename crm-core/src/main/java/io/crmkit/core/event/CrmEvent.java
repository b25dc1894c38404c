package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.customer.TierCode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in the CRM, delivered to listeners after the write that caused it has
 * committed. Events carry ids and codes only, never personal data, so a listener may log or
 * forward them freely.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CrmEvent {
    /** When the write happened (the {@code Crm}'s clock). */
    Instant at();

    /** Who made it. */
    String actorId();

    /** The customer concerned, or {@code null} (a task about no customer). */
    @Nullable CustomerId customerId();

    record CustomerRegistered(Instant at, String actorId, CustomerId customerId) implements CrmEvent {}

    record CustomerChanged(Instant at, String actorId, CustomerId customerId, long version) implements CrmEvent {}

    record LifecycleChanged(Instant at, String actorId, CustomerId customerId, LifecycleStage from, LifecycleStage to)
            implements CrmEvent {}

    record TierChanged(Instant at, String actorId, CustomerId customerId, @Nullable TierCode from, @Nullable TierCode to,
            AssignmentSource source) implements CrmEvent {}

    record InteractionRecorded(Instant at, String actorId, CustomerId customerId, InteractionId interactionId,
            Channel channel) implements CrmEvent {}

    record OpportunityStageChanged(Instant at, String actorId, CustomerId customerId, OpportunityId opportunityId,
            @Nullable String fromStage, String toStage, OpportunityStatus status) implements CrmEvent {}

    /** A change waits for approval (maker-checker). */
    record ApprovalSubmitted(Instant at, String actorId, @Nullable CustomerId customerId,
            io.crmkit.core.approval.PendingRequestId requestId, String operation) implements CrmEvent {}

    /** A checker approved (and the change was applied) or rejected a pending request; or it expired. */
    record ApprovalDecided(Instant at, String actorId, @Nullable CustomerId customerId,
            io.crmkit.core.approval.PendingRequestId requestId, io.crmkit.core.approval.RequestStatus status)
            implements CrmEvent {}

    record TaskAssigned(Instant at, String actorId, @Nullable CustomerId customerId, TaskId taskId, StaffId assignee)
            implements CrmEvent {}

    // Service cases (issue 15).
    /** A case was opened. */
    record CaseOpened(Instant at, String actorId, CustomerId customerId, io.crmkit.core.casework.CaseId caseId,
            io.crmkit.core.casework.CaseKind kind) implements CrmEvent {}

    /** A case moved along its workflow. */
    record CaseStatusChanged(Instant at, String actorId, CustomerId customerId, io.crmkit.core.casework.CaseId caseId,
            io.crmkit.core.casework.CaseStatus from, io.crmkit.core.casework.CaseStatus to) implements CrmEvent {}

    /** An SLA timer of a case reached a warning or breach threshold, and who was told. */
    record SlaThresholdReached(Instant at, String actorId, CustomerId customerId, io.crmkit.core.casework.CaseId caseId,
            String timer, int percent, boolean breach, io.crmkit.core.casework.EscalationLevel level,
            @Nullable StaffId notified) implements CrmEvent {}

    /** A satisfaction survey was answered (scores only; the comment stays in the case). */
    record SurveyAnswered(Instant at, String actorId, CustomerId customerId, io.crmkit.core.casework.CaseId caseId,
            @Nullable Integer score, @Nullable Integer csat, boolean detractor) implements CrmEvent {}
}

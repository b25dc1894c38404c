package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service case (服务请求 / 投诉 / 咨询): what it is, where it came in, who works it, where it
 * stands, what it is linked to, how it ended, the SLA policy it runs under (a copy of the
 * definition when it was applied) with its timers' state, and its satisfaction survey.
 *
 * <p>Status and timestamps agree: a RESOLVED or CLOSED case that was resolved has a
 * {@code resolution} and {@code resolvedAt}; a CLOSED or CANCELLED case has {@code closedAt};
 * a NEW case has no {@code firstRespondedAt}. The constructor refuses anything else.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids, codes and states only (the subject,
 * the resolution notes and the survey comment are free text).
 *
 * @param id the case id
 * @param customerId the customer
 * @param kind request, complaint or enquiry
 * @param channel where it came in
 * @param category the firm's category code
 * @param priority how urgent it is
 * @param status where it stands
 * @param subject a short description, or {@code null}
 * @param owner who works it, or {@code null}
 * @param team the team that works it, or {@code null}
 * @param branch the customer's branch when the case was opened, or {@code null}
 * @param links contact, account, interaction and opportunity
 * @param tier the customer's tier when the case was opened, or {@code null}
 * @param sla the policy the case runs under, or {@code null} when none applies
 * @param timers the state of each timer of {@code sla}
 * @param resolution how it was resolved, or {@code null}
 * @param openedAt when it was opened
 * @param firstRespondedAt when it first left NEW, or {@code null}
 * @param resolvedAt when it was (last) resolved, or {@code null}
 * @param closedAt when it was closed or cancelled, or {@code null}
 * @param survey its satisfaction survey, or {@code null}
 * @param meta version and bookkeeping
 */
public record ServiceCase(CaseId id, CustomerId customerId, CaseKind kind, Channel channel, String category,
        CasePriority priority, CaseStatus status, @Nullable String subject, @Nullable StaffId owner,
        @Nullable OrgUnitId team, @Nullable OrgUnitId branch, CaseLinks links, @Nullable TierCode tier,
        @Nullable SlaPolicyDefinition sla, List<SlaTimer> timers, @Nullable Resolution resolution, Instant openedAt,
        @Nullable Instant firstRespondedAt, @Nullable Instant resolvedAt, @Nullable Instant closedAt,
        @Nullable Survey survey, Meta meta) implements Aggregate<CaseId, ServiceCase> {
    public ServiceCase {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.notNull(kind, "kind");
        Check.notNull(channel, "channel");
        Ids.check(category, "category");
        Check.notNull(priority, "priority");
        Check.notNull(status, "status");
        subject = Check.optionalText(subject, "subject", Check.MAX_SHORT);
        Check.notNull(links, "links");
        timers = List.copyOf(Check.list(timers, "timers"));
        Check.that(sla != null || timers.isEmpty(), "timers", "WithPolicy", "timers need an SLA policy");
        Check.notNull(openedAt, "openedAt");
        Check.that(status != CaseStatus.NEW || firstRespondedAt == null, "firstRespondedAt", "NotWhenNew",
                "must not be set on a NEW case");
        Check.that(status != CaseStatus.RESOLVED || (resolution != null && resolvedAt != null), "resolution",
                "SetWhenResolved", "a RESOLVED case has a resolution and resolvedAt");
        Check.that(status.isFinal() == (closedAt != null), "closedAt", "SetWhenFinal",
                "must be set exactly when the case is CLOSED or CANCELLED");
        Check.notNull(meta, "meta");
    }

    /** The earliest instant a timer's next threshold falls due, or {@code null}: what the SLA monitor waits for. */
    public @Nullable Instant nextDueAt() {
        Instant best = null;
        for (SlaTimer t : timers) {
            if (t.nextDueAt() != null && (best == null || t.nextDueAt().isBefore(best))) {
                best = t.nextDueAt();
            }
        }
        return best;
    }

    /** The earliest instant a running timer breaches, or {@code null}. */
    public @Nullable Instant breachAt() {
        Instant best = null;
        for (SlaTimer t : timers) {
            if (t.breachAt() != null && (best == null || t.breachAt().isBefore(best))) {
                best = t.breachAt();
            }
        }
        return best;
    }

    /** When the survey was answered, or {@code null}. */
    public @Nullable Instant respondedAt() {
        return survey == null ? null : survey.respondedAt();
    }

    /** A copy in another status with the given timestamps. */
    public ServiceCase withStatus(CaseStatus value, @Nullable Instant firstResponse, @Nullable Instant resolved,
            @Nullable Instant closed, @Nullable Resolution res) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, value, subject, owner, team, branch, links,
                tier, sla, timers, res, openedAt, firstResponse, resolved, closed, survey, meta);
    }

    public ServiceCase withTimers(@Nullable SlaPolicyDefinition policy, List<SlaTimer> value) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, status, subject, owner, team, branch, links,
                tier, policy, value, resolution, openedAt, firstRespondedAt, resolvedAt, closedAt, survey, meta);
    }

    public ServiceCase withOwner(@Nullable StaffId value, @Nullable OrgUnitId unit) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, status, subject, value, unit, branch, links,
                tier, sla, timers, resolution, openedAt, firstRespondedAt, resolvedAt, closedAt, survey, meta);
    }

    public ServiceCase withLinks(CaseLinks value) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, status, subject, owner, team, branch, value,
                tier, sla, timers, resolution, openedAt, firstRespondedAt, resolvedAt, closedAt, survey, meta);
    }

    public ServiceCase withSurvey(@Nullable Survey value) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, status, subject, owner, team, branch, links,
                tier, sla, timers, resolution, openedAt, firstRespondedAt, resolvedAt, closedAt, value, meta);
    }

    @Override
    public ServiceCase withMeta(Meta value) {
        return new ServiceCase(id, customerId, kind, channel, category, priority, status, subject, owner, team, branch, links,
                tier, sla, timers, resolution, openedAt, firstRespondedAt, resolvedAt, closedAt, survey, value);
    }

    @Override
    public String toString() {
        return "ServiceCase[id=" + id + ", customerId=" + customerId + ", kind=" + kind + ", category=" + category
                + ", priority=" + priority + ", status=" + status + ", owner=" + owner + ", policy="
                + (sla == null ? null : sla.id()) + ", nextDueAt=" + nextDueAt() + ", version=" + meta.version() + "]";
    }
}

package io.crmkit.core.alert;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something noticed about a customer that staff should look at (预警): which rule fired on which
 * host event, how severe it is, who owns it, and whether it was acknowledged and resolved.
 *
 * <p>Status and timestamps agree: an OPEN alert has neither acknowledgement nor resolution; an
 * ACKNOWLEDGED one has {@code acknowledgedBy} and {@code acknowledgedAt}; a RESOLVED one has
 * {@code resolvedAt} (and keeps its acknowledgement if it had one). The constructor refuses any
 * other combination.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the reason and the resolution text.
 *
 * @param id the alert id
 * @param ruleId the rule that raised it (an id-like code such as {@code large-withdrawal})
 * @param customerId the customer concerned
 * @param accountId the account concerned, or {@code null}
 * @param severity how urgent it is
 * @param status where it stands
 * @param owner who must look at it (usually the customer's relationship manager), or {@code null}
 * @param reason why it fired, in words and figures, up to 500 characters (no personal data)
 * @param triggerEventId the host event that made the rule fire
 * @param raisedAt when the triggering event happened
 * @param acknowledgedBy the actor id that acknowledged it, or {@code null}
 * @param acknowledgedAt when it was acknowledged, or {@code null}
 * @param resolvedAt when it was resolved, or {@code null}
 * @param resolution what was done, up to 2,000 characters, or {@code null}
 * @param meta version and bookkeeping
 */
public record Alert(AlertId id, String ruleId, CustomerId customerId, @Nullable AccountId accountId,
        AlertSeverity severity, AlertStatus status, @Nullable StaffId owner, String reason, String triggerEventId,
        Instant raisedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
        @Nullable Instant resolvedAt, @Nullable String resolution, Meta meta) implements Aggregate<AlertId, Alert> {
    /** Longest reason kept. */
    public static final int MAX_REASON = 500;
    /** Longest resolution note kept. */
    public static final int MAX_RESOLUTION = 2_000;

    public Alert {
        Check.notNull(id, "id");
        Ids.check(ruleId, "ruleId");
        Check.notNull(customerId, "customerId");
        Check.notNull(severity, "severity");
        Check.notNull(status, "status");
        reason = Check.notBlank(reason, "reason", MAX_REASON);
        Ids.check(triggerEventId, "triggerEventId");
        Check.notNull(raisedAt, "raisedAt");
        if (acknowledgedBy != null) {
            Ids.check(acknowledgedBy, "acknowledgedBy");
        }
        resolution = Check.optionalText(resolution, "resolution", MAX_RESOLUTION);
        Check.that((acknowledgedBy == null) == (acknowledgedAt == null), "acknowledgedAt", "WithAcknowledgedBy",
                "must be set exactly when acknowledgedBy is");
        Check.that(status != AlertStatus.OPEN || acknowledgedAt == null, "acknowledgedAt", "NotWhenOpen",
                "must not be set on an OPEN alert");
        Check.that(status != AlertStatus.ACKNOWLEDGED || acknowledgedAt != null, "acknowledgedAt", "SetWhenAcknowledged",
                "must be set on an ACKNOWLEDGED alert");
        Check.that((status == AlertStatus.RESOLVED) == (resolvedAt != null), "resolvedAt", "SetWhenResolved",
                "must be set exactly when the alert is RESOLVED");
        Check.that(resolution == null || status == AlertStatus.RESOLVED, "resolution", "OnlyWhenResolved",
                "may be set only on a RESOLVED alert");
        Check.notNull(meta, "meta");
    }

    /** A copy acknowledged by {@code actorId} at {@code at}. */
    public Alert acknowledged(String actorId, Instant at) {
        return new Alert(id, ruleId, customerId, accountId, severity, AlertStatus.ACKNOWLEDGED, owner, reason,
                triggerEventId, raisedAt, actorId, at, null, null, meta);
    }

    /** A copy resolved at {@code at} with an optional note; an acknowledgement stays. */
    public Alert resolved(Instant at, @Nullable String note) {
        return new Alert(id, ruleId, customerId, accountId, severity, AlertStatus.RESOLVED, owner, reason,
                triggerEventId, raisedAt, acknowledgedBy, acknowledgedAt, at, note, meta);
    }

    /** A copy owned by someone else. */
    public Alert withOwner(@Nullable StaffId value) {
        return new Alert(id, ruleId, customerId, accountId, severity, status, value, reason, triggerEventId, raisedAt,
                acknowledgedBy, acknowledgedAt, resolvedAt, resolution, meta);
    }

    @Override
    public Alert withMeta(Meta value) {
        return new Alert(id, ruleId, customerId, accountId, severity, status, owner, reason, triggerEventId, raisedAt,
                acknowledgedBy, acknowledgedAt, resolvedAt, resolution, value);
    }

    @Override
    public String toString() {
        return "Alert[id=" + id + ", rule=" + ruleId + ", customerId=" + customerId + ", severity=" + severity
                + ", status=" + status + ", owner=" + owner + ", raisedAt=" + raisedAt + ", version=" + meta.version()
                + "]";
    }
}

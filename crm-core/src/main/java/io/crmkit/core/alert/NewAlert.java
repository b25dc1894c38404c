package io.crmkit.core.alert;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A command to raise an alert. With an {@code id} the raise is idempotent: raising an id that
 * exists returns the stored alert and changes nothing (the real-time engine derives ids from rule
 * and event, so a replayed feed raises nothing new). Without an owner, the customer's relationship
 * manager owns it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the reason.
 *
 * @param id the id to use, or {@code null} for a generated one
 * @param ruleId the rule or job that raises it
 * @param customerId the customer concerned
 * @param accountId the account concerned, or {@code null}
 * @param severity how urgent it is
 * @param owner who must look at it, or {@code null} for the customer's owner
 * @param reason why, up to {@link Alert#MAX_REASON} characters, no personal data
 * @param triggerEventId the host event behind it
 * @param raisedAt when that event happened
 */
public record NewAlert(@Nullable AlertId id, String ruleId, CustomerId customerId, @Nullable AccountId accountId,
        AlertSeverity severity, @Nullable StaffId owner, String reason, String triggerEventId, Instant raisedAt) {
    public NewAlert {
        Ids.check(ruleId, "ruleId");
        Check.notNull(customerId, "customerId");
        Check.notNull(severity, "severity");
        reason = Check.notBlank(reason, "reason", Alert.MAX_REASON);
        Ids.check(triggerEventId, "triggerEventId");
        Check.notNull(raisedAt, "raisedAt");
    }

    @Override
    public String toString() {
        return "NewAlert[id=" + id + ", rule=" + ruleId + ", customerId=" + customerId + ", severity=" + severity + "]";
    }
}

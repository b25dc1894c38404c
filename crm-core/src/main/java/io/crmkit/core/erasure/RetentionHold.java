package io.crmkit.core.erasure;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.check.Check;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One retention rule holding one customer's records because of one account: until
 * {@code until} (the last day of the period), or while the account is open ({@code until} null).
 *
 * <p>Immutable and thread-safe; holds ids and codes only.
 *
 * @param rule the rule's name
 * @param accountId the account that triggers it
 * @param until the last day the records must be kept, or {@code null} while the account is open
 * @param refuses whether the rule refuses (rather than schedules) an erasure it holds
 */
public record RetentionHold(String rule, AccountId accountId, @Nullable LocalDate until, boolean refuses) {
    public RetentionHold {
        Check.notBlank(rule, "hold.rule", 64);
        Check.notNull(accountId, "hold.accountId");
    }

    /** Whether the hold can end on a known date (the account has closed and the rule schedules). */
    public boolean schedulable() {
        return until != null && !refuses;
    }

    /** The reason as the refusal or schedule states it: the rule and the date, no personal data. */
    public String reason() {
        return "retention rule " + rule + (until == null ? " holds while account " + accountId + " is open"
                : " holds the records of account " + accountId + " until " + until);
    }
}

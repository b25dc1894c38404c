package io.crmkit.core.erasure;

import io.crmkit.core.account.ProductLine;
import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Period;

/**
 * A statutory record-keeping period: while the customer holds an account of {@code productLine},
 * and for {@code afterClosure} after it closed, the customer's records must be kept. An erasure
 * requested during the period is refused when {@code refuse} is set, otherwise scheduled for the
 * first day after it; an account that is still open always refuses (its end is unknown).
 *
 * <pre>{@code
 * RetentionRule.of("csrc-brokerage-20y", ProductLine.BROKERAGE, Period.ofYears(20));
 * RetentionRule.of("aml-5y", ProductLine.DEPOSIT, Period.ofYears(5)).refusing();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a short code naming the rule (shown as the hold's reason): {@code [A-Za-z0-9._:-]}, 1-64
 * @param productLine the accounts it applies to
 * @param afterClosure how long after closure the records are kept, 0 days to 100 years
 * @param refuse whether a held erasure is refused rather than scheduled
 */
public record RetentionRule(String name, ProductLine productLine, Period afterClosure, boolean refuse) {
    public RetentionRule {
        io.crmkit.core.check.Ids.check(name, "retention.name");
        Check.notNull(productLine, "retention.productLine");
        Check.notNull(afterClosure, "retention.afterClosure");
        if (afterClosure.isNegative() || afterClosure.toTotalMonths() > 1_200) {
            throw ValidationException.of("retention.afterClosure", "Range", "must be between 0 days and 100 years");
        }
    }

    /** A rule that schedules a held erasure for the end of the period. */
    public static RetentionRule of(String name, ProductLine productLine, Period afterClosure) {
        return new RetentionRule(name, productLine, afterClosure, false);
    }

    /** The same rule, refusing a held erasure instead of scheduling it. */
    public RetentionRule refusing() {
        return new RetentionRule(name, productLine, afterClosure, true);
    }
}

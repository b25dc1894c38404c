package io.crmkit.core.approval;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Opportunity;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * When a change needs four eyes: an operation, an optional condition over the record before and
 * after the change, and how many distinct checkers must approve (N of M).
 *
 * <pre>{@code
 * FourEyes.builder()
 *     .rule(ApprovalRule.identifierChange())
 *     .rule(ApprovalRule.ownerReassignment())
 *     .rule(ApprovalRule.always("tier-override", Operation.TIER_OVERRIDE))
 *     .rule(ApprovalRule.lifecycleTo(LifecycleStage.CLOSED).approvers(2))
 *     .rule(ApprovalRule.amountAtLeast(Money.of("1000000", "CNY")))
 *     .build();
 * }</pre>
 *
 * <p>Conditions see the stored record before the change ({@code null} when the change creates
 * one) and the record the change would store. They must be fast and side-effect free.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a short name, shown on the request
 * @param operation the operation it applies to
 * @param condition whether this change needs approval; receives (before, after)
 * @param approvers how many distinct checkers must approve, 1 to 5
 */
public record ApprovalRule(String name, Operation operation, BiPredicate<@Nullable Object, Object> condition, int approvers) {
    public ApprovalRule {
        Check.notBlank(name, "rule.name", 100);
        Check.notNull(operation, "rule.operation");
        Check.notNull(condition, "rule.condition");
        Check.range(approvers, 1, 5, "rule.approvers");
    }

    /** Every change by {@code operation}. */
    public static ApprovalRule always(String name, Operation operation) {
        return new ApprovalRule(name, operation, (b, a) -> true, 1);
    }

    /** A condition of your own over (before, after). */
    public static ApprovalRule when(String name, Operation operation, BiPredicate<@Nullable Object, Object> condition) {
        return new ApprovalRule(name, operation, condition, 1);
    }

    /** A customer update that adds, removes or changes an identifier. */
    public static ApprovalRule identifierChange() {
        return when("identifier-change", Operation.CUSTOMER_UPDATE, (b, a) -> b instanceof Customer before
                && a instanceof Customer after && !before.identifiers().equals(after.identifiers()));
    }

    /** A customer update that gives the customer another owner or branch. */
    public static ApprovalRule ownerReassignment() {
        return when("owner-reassignment", Operation.CUSTOMER_UPDATE, (b, a) -> b instanceof Customer before
                && a instanceof Customer after
                && (!Objects.equals(before.owner(), after.owner()) || !Objects.equals(before.branch(), after.branch())));
    }

    /** A lifecycle change to {@code stage} (for example closing the relationship). */
    public static ApprovalRule lifecycleTo(LifecycleStage stage) {
        Check.notNull(stage, "rule.stage");
        return when("lifecycle-" + stage.name().toLowerCase(java.util.Locale.ROOT), Operation.CUSTOMER_LIFECYCLE,
                (b, a) -> a instanceof Customer after && after.lifecycle() == stage);
    }

    /** An opportunity opened or revised with an amount of at least {@code threshold} (same currency). */
    public static ApprovalRule amountAtLeast(Money threshold) {
        Check.notNull(threshold, "rule.threshold");
        return when("amount-threshold", Operation.OPPORTUNITY_WRITE, (b, a) -> a instanceof Opportunity after
                && after.amount().currency().equals(threshold.currency())
                && after.amount().amount().compareTo(threshold.amount()) >= 0);
    }

    /**
     * An erasure (right to be forgotten): every one. The library applies this rule even when the
     * {@code FourEyes} configuration names none for {@link Operation#CUSTOMER_ERASE}; configure it
     * yourself to ask for more approvers ({@code ApprovalRule.erasure().approvers(2)}).
     */
    public static ApprovalRule erasure() {
        return always("erasure", Operation.CUSTOMER_ERASE);
    }

    /** Every merge and unmerge of duplicate customers (maker-checker on {@link Operation#CUSTOMER_MERGE}). */
    public static ApprovalRule customerMerge() {
        return always("customer-merge", Operation.CUSTOMER_MERGE);
    }

    /** The same rule with {@code n} approvers. */
    public ApprovalRule approvers(int n) {
        return new ApprovalRule(name, operation, condition, n);
    }

    @Override
    public String toString() {
        return "ApprovalRule[" + name + ", " + operation + ", approvers=" + approvers + "]";
    }
}

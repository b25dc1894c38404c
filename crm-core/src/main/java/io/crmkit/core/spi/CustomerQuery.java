package io.crmkit.core.spi;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.customer.TierCode;
import org.jspecify.annotations.Nullable;

/**
 * A filter over customers: each given criterion must hold (AND); an empty query matches all.
 * Results come in customer-id order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param owner owned by this staff member, or {@code null}
 * @param branch belonging to this branch, or {@code null}
 * @param lifecycle in this stage, or {@code null}
 * @param tier in this tier, or {@code null}
 * @param tag carrying this tag, or {@code null}
 * @param scope inside this data scope, or {@code null} for no restriction; stores push it down
 *     ({@code owner IN (...) OR branch IN (...)}) so a scoped list is a query, not a filter
 */
public record CustomerQuery(@Nullable StaffId owner, @Nullable OrgUnitId branch, @Nullable LifecycleStage lifecycle,
        @Nullable TierCode tier, @Nullable String tag, @Nullable DataScope scope) {
    public CustomerQuery(@Nullable StaffId owner, @Nullable OrgUnitId branch, @Nullable LifecycleStage lifecycle,
            @Nullable TierCode tier, @Nullable String tag) {
        this(owner, branch, lifecycle, tier, tag, null);
    }

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null);
    }

    /**
     * The same query restricted to {@code value} instead of any scope it had (an all-scope
     * restricts nothing). Callers that hold a scope already combine the two themselves.
     */
    public CustomerQuery within(DataScope value) {
        return new CustomerQuery(owner, branch, lifecycle, tier, tag, value.all() ? null : value);
    }

    public CustomerQuery owner(StaffId value) {
        return new CustomerQuery(value, branch, lifecycle, tier, tag, scope);
    }

    public CustomerQuery branch(OrgUnitId value) {
        return new CustomerQuery(owner, value, lifecycle, tier, tag, scope);
    }

    public CustomerQuery lifecycle(LifecycleStage value) {
        return new CustomerQuery(owner, branch, value, tier, tag, scope);
    }

    public CustomerQuery tier(TierCode value) {
        return new CustomerQuery(owner, branch, lifecycle, value, tag, scope);
    }

    public CustomerQuery tag(String value) {
        return new CustomerQuery(owner, branch, lifecycle, tier, value, scope);
    }

    /** Whether {@code c} matches; stores may use it to filter in memory. */
    public boolean matches(Customer c) {
        return (owner == null || owner.equals(c.owner()))
                && (branch == null || branch.equals(c.branch()))
                && (lifecycle == null || lifecycle == c.lifecycle())
                && (tier == null || tier.equals(c.tier()))
                && (tag == null || c.tags().contains(tag))
                && (scope == null || scope.includes(c));
    }
}

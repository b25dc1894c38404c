package io.crmkit.core.spi;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.util.Set;

/**
 * Which customers an actor may touch, as a predicate a store can push down into its query:
 * every customer ({@link #everything()}), or those owned by one of {@link #owners()} or belonging to one
 * of {@link #units()} ({@code owner IN (...) OR branch IN (...)}). The services resolve an actor's
 * grant (own, team, branch, subtree) into this form once per session; a store never sees roles.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows counts only.
 *
 * @param all whether every customer is in scope (the other sets are then empty)
 * @param owners owners whose customers are in scope
 * @param units units whose customers are in scope
 */
public record DataScope(boolean all, Set<StaffId> owners, Set<OrgUnitId> units) {
    /** The most ids a scope may list; an org tree larger than this needs {@link #all()} or a narrower grant. */
    public static final int MAX_MEMBERS = 10_000;
    private static final DataScope ALL = new DataScope(true, Set.of(), Set.of());
    private static final DataScope NONE = new DataScope(false, Set.of(), Set.of());

    public DataScope {
        owners = Check.set(owners, "scope.owners");
        units = Check.set(units, "scope.units");
        Check.that(!all || (owners.isEmpty() && units.isEmpty()), "scope", "AllAlone", "an all-scope lists no owners or units");
        Check.that(owners.size() + units.size() <= MAX_MEMBERS, "scope", "Size", "must list at most " + MAX_MEMBERS + " owners and units");
    }

    public static DataScope everything() {
        return ALL;
    }

    /** No customer at all. */
    public static DataScope none() {
        return NONE;
    }

    public static DataScope of(Set<StaffId> owners, Set<OrgUnitId> units) {
        return new DataScope(false, owners, units);
    }

    /** Whether nothing can match. */
    public boolean isEmpty() {
        return !all && owners.isEmpty() && units.isEmpty();
    }

    /** Whether {@code c} is in scope. */
    public boolean includes(Customer c) {
        return all || (c.owner() != null && owners.contains(c.owner())) || (c.branch() != null && units.contains(c.branch()));
    }

    @Override
    public String toString() {
        return all ? "DataScope[all]" : "DataScope[owners=" + owners.size() + ", units=" + units.size() + "]";
    }
}

package io.crmkit.core.governance;

/**
 * How far a grant reaches in the organisation tree, the privilege-depth model of Dynamics 365:
 * <ul>
 *   <li>{@link #OWN}: customers the actor owns;
 *   <li>{@link #TEAM}: customers of the actor's own unit (by the customer's unit, or owned by a member of it);
 *   <li>{@link #BRANCH}: the whole branch the actor's unit belongs to (the nearest BRANCH at or above it) and everything below;
 *   <li>{@link #SUBTREE}: the actor's unit and every unit below it;
 *   <li>{@link #ALL}: the whole firm.
 * </ul>
 * Depths are ordered: a larger one includes every smaller one for the same actor.
 */
public enum Depth {
    OWN, TEAM, BRANCH, SUBTREE, ALL;

    /** The wider of two depths. */
    public Depth max(Depth other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

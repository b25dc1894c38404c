package io.crmkit.core.governance;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.org.Actor;

/**
 * Decides which customers an actor may see. The services apply it on every read of a customer,
 * its 360 view, timeline and lists; a customer the actor may not see behaves as absent. The
 * default lets everyone see everything; a data-scope policy (own customers, own branch, head
 * office) replaces it.
 *
 * <p>Implementations must be thread-safe and fast: they run on every read.
 */
@FunctionalInterface
public interface AccessPolicy {
    boolean canSee(Actor actor, Customer customer);

    static AccessPolicy permitAll() {
        return (actor, customer) -> true;
    }
}

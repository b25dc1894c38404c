package io.crmkit.core.signal;

import io.crmkit.core.customer.CustomerId;

/**
 * The hook every customer-facing action passes before it reaches the customer: a rule's
 * {@linkplain Rule#customerNotice() notice} is sent only if the gate allows it. The firm-wide
 * contact policy (consent, do-not-contact, frequency caps) will plug in here; until then the
 * default allows everything. Staff-facing actions (alerts, tasks, interactions) do not pass it.
 *
 * <p>Implementations must be thread-safe; they are called on the engine's writer thread, after the
 * alert has been committed.
 */
@FunctionalInterface
public interface ContactGate {
    /**
     * Whether the customer may be contacted now for {@code purpose} (the rule id) with {@code templateCode}.
     */
    boolean mayContact(CustomerId customer, String purpose, String templateCode);

    /** Allows every contact. */
    static ContactGate allowAll() {
        return (customer, purpose, template) -> true;
    }
}

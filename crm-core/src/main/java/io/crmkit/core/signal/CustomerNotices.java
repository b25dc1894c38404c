package io.crmkit.core.signal;

import io.crmkit.core.alert.Alert;

/**
 * Where the host sends a notice to the customer (SMS, app push) when a rule with a
 * {@linkplain Rule#customerNotice() notice template} fires and the {@link ContactGate} allows it.
 * Called on the engine's writer thread after the alert has been committed; a failure is logged with
 * ids only and does not undo the alert.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CustomerNotices {
    void send(Alert alert, String templateCode);
}

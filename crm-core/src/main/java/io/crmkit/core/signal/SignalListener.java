package io.crmkit.core.signal;

import io.crmkit.core.alert.Alert;

/**
 * Told of every alert the engine has written, on the writer thread, after its transaction (with the
 * task, interaction and lifecycle hint) committed; never for a replayed decision whose alert already
 * existed. A listener that throws is logged (types and ids only) and does not stop the others.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SignalListener {
    void onAlert(Alert alert);
}

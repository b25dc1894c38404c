package io.crmkit.core.event;

/**
 * Receives events after each successful write, on the writing thread. A listener that throws does
 * not undo or corrupt the write and does not stop other listeners: the failure is logged (event
 * type and listener class only) and delivery goes on.
 *
 * <p>Implementations must be thread-safe: writes on several threads deliver concurrently.
 */
@FunctionalInterface
public interface CrmEventListener {
    void on(CrmEvent event);
}

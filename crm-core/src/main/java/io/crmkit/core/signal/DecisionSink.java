package io.crmkit.core.signal;

/**
 * Receives the engine's decisions in the publishing thread, in each customer's event order, while
 * that customer's state is locked: it must be quick (queue, count) and must not publish to the
 * engine. The default sink writes alerts, tasks and interactions through the CRM asynchronously
 * ({@link SignalEngine#builder(io.crmkit.core.Crm)}); a host may plug in its own.
 *
 * <p>Implementations must be thread-safe: several publishing threads deliver concurrently.
 */
@FunctionalInterface
public interface DecisionSink {
    void accept(Decision decision);
}

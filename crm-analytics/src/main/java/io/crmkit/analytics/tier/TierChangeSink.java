package io.crmkit.analytics.tier;

/**
 * Receives tier changes to persist, e.g. as tier assignments through the core's tier service,
 * which fires a tier-changed event. Called from the thread that calls
 * {@link TierRun#writeChanges(TierChangeSink)}, once per change, in row order.
 */
@FunctionalInterface
public interface TierChangeSink {

    void write(TierChange change);
}

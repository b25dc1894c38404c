package io.crmkit.core.signal;

import io.crmkit.core.alert.AlertId;
import io.crmkit.core.check.Check;

/**
 * A rule fired on an event: what the engine hands to its {@link DecisionSink} in the publishing
 * thread. The alert id is derived from the rule, customer and event, so the same decision made again
 * (a replay, a restart) names the same alert.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule that fired
 * @param event the event it fired on
 */
public record Decision(Rule rule, HostEvent event) {
    public Decision {
        Check.notNull(rule, "rule");
        Check.notNull(event, "event");
    }

    /** {@code <rule id>-<16 hex digits of a hash of customer and event id>}. */
    public AlertId alertId() {
        long h = Hash64.of(event.customerId().value(), event.eventId());
        String hex = Long.toHexString(h);
        return AlertId.of(rule.id() + "-" + "0".repeat(16 - hex.length()) + hex);
    }
}

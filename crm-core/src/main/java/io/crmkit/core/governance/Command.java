package io.crmkit.core.governance;

import io.crmkit.core.org.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A write about to run: who, which operation, on what, with which input. Interceptors see every
 * write through this; it is the hook for audit trails, maker-checker and data scopes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actor who asks
 * @param operation the operation's name, for example {@code customer.register}, {@code opportunity.move}
 * @param aggregateType {@code Customer}, {@code Opportunity}, ...
 * @param aggregateId the target's id, or {@code null} when creating
 * @param input the command or changed record passed in (may hold personal data: do not log it)
 */
public record Command(Actor actor, String operation, String aggregateType, @Nullable String aggregateId, Object input) {
    @Override
    public String toString() {
        return "Command[actor=" + actor.id() + ", operation=" + operation + ", aggregateType=" + aggregateType
                + ", aggregateId=" + aggregateId + "]";
    }
}

package io.crmkit.core.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service call as data — which session service, which method, which arguments — so a change
 * that waits for approval can be stored and replayed exactly once a checker approves it.
 * Immutable; the arguments are the caller's (validated) values.
 */
record Call(String service, String method, List<@Nullable Object> args) {
    static Call of(String service, String method, @Nullable Object... args) {
        return new Call(service, method, Collections.unmodifiableList(Arrays.asList(args)));
    }

    @Override
    public String toString() {
        return "Call[" + service + "." + method + "]";
    }
}

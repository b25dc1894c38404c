package io.crmkit.core.internal;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Who is writing what, for the audit entries of one service write: the actor, the operation and
 * call, the reason given, and the maker and checker when the write applies an approved request.
 */
record WriteContext(Actor actor, String operation, @Nullable Operation op, @Nullable Call call, @Nullable String reason,
        @Nullable PendingRequest approved, @Nullable String checker) {
    @Nullable String maker() {
        return approved == null ? null : approved.makerId();
    }
}

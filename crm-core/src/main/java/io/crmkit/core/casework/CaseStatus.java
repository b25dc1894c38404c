package io.crmkit.core.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, and the typed workflow between the states:
 *
 * <pre>
 * NEW ──────────► IN_PROGRESS ◄──► WAITING_ON_CUSTOMER / WAITING_ON_THIRD_PARTY
 *  │  \               │                    │
 *  │   ► WAITING_*    ▼                    ▼
 *  ├────────────► RESOLVED ◄───────────────┘
 *  │                 │  ▲ (reopen: RESOLVED → IN_PROGRESS)
 *  ▼                 ▼
 * CANCELLED        CLOSED (final)
 * </pre>
 *
 * NEW, IN_PROGRESS and the two waiting states may be cancelled; CLOSED and CANCELLED are final.
 * Moving to the same state, or along any arrow not drawn, is refused by the service with a
 * validation error on field {@code status} naming both states.
 */
public enum CaseStatus {
    NEW,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    WAITING_ON_THIRD_PARTY,
    RESOLVED,
    CLOSED,
    CANCELLED;

    /** Whether work on the case is still to be done (not RESOLVED, CLOSED or CANCELLED). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }

    /** Whether the case has ended for good. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** The states this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY, RESOLVED, CANCELLED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, WAITING_ON_THIRD_PARTY, RESOLVED, CANCELLED);
            case WAITING_ON_THIRD_PARTY -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CANCELLED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    /** Whether {@code to} is one step of the workflow from here. */
    public boolean canMoveTo(CaseStatus to) {
        return next().contains(to);
    }
}

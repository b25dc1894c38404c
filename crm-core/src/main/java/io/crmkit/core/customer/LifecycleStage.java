package io.crmkit.core.customer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a customer stands in the relationship. Allowed moves:
 * <pre>
 * PROSPECT → ACTIVE | CLOSED
 * ACTIVE   → DORMANT | CHURNED | CLOSED
 * DORMANT  → ACTIVE | CHURNED | CLOSED
 * CHURNED  → ACTIVE (won back) | CLOSED
 * CLOSED   → (terminal)
 * </pre>
 */
public enum LifecycleStage {
    /** 潜在客户: known to the firm, no account yet. */
    PROSPECT,
    /** An account holder with business. */
    ACTIVE,
    /** An account holder without business for a while. */
    DORMANT,
    /** 流失客户: moved business away or announced they would. */
    CHURNED,
    /** The relationship is ended; the record stays for history. */
    CLOSED;

    /** The stages this one may move to. */
    public Set<LifecycleStage> next() {
        return switch (this) {
            case PROSPECT -> EnumSet.of(ACTIVE, CLOSED);
            case ACTIVE -> EnumSet.of(DORMANT, CHURNED, CLOSED);
            case DORMANT -> EnumSet.of(ACTIVE, CHURNED, CLOSED);
            case CHURNED -> EnumSet.of(ACTIVE, CLOSED);
            case CLOSED -> EnumSet.noneOf(LifecycleStage.class);
        };
    }

    public boolean canMoveTo(LifecycleStage target) {
        return next().contains(target);
    }
}

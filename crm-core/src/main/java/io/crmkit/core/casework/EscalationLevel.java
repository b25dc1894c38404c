package io.crmkit.core.casework;

import org.jspecify.annotations.Nullable;

/**
 * Who an SLA threshold notifies, up the org model of {@code io.crmkit.core.org}: the case's owner,
 * the lead of the case's team (active staff of that unit with role {@code TEAM_LEAD}), or the
 * manager of the branch above it (active staff of the nearest {@code BRANCH} unit with role
 * {@code BRANCH_MANAGER}). When nobody holds a level, the next level up is asked, then the owner.
 */
public enum EscalationLevel {
    OWNER(null),
    TEAM_LEAD("TEAM_LEAD"),
    BRANCH_MANAGER("BRANCH_MANAGER");

    private final @Nullable String role;

    EscalationLevel(@Nullable String role) {
        this.role = role;
    }

    /** The staff role code that holds this level, or {@code null} for the owner. */
    public @Nullable String roleCode() {
        return role;
    }
}

package io.crmkit.core.casework;

/** How a satisfaction report groups responses: by the case's branch, team or category. */
public enum SatisfactionDimension {
    BRANCH,
    TEAM,
    CATEGORY
}

package io.crmkit.core.org;

/** The level of an organisation unit: head office above branches above teams. */
public enum OrgUnitType {
    HEAD_OFFICE,
    REGION,
    BRANCH,
    TEAM
}

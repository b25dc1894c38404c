package io.crmkit.core.campaign;

/** Which side of the experiment a member is on. */
public enum MemberGroup {
    /** Meant to be contacted (whether the contact policy then allowed it or not). */
    TREATED,
    /** Never contacted: the control group the lift is measured against. */
    HOLDOUT
}

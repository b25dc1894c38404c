package io.crmkit.examples.desk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desk's demo logins: each user name is a staff id of the demo book and signs in with the
 * role it holds there. The starter's actor resolver turns the signed-in user into the CRMKit actor
 * (the staff id, the unit from the staff list, the role from the authority). Immutable.
 */
final class DeskUsers {
    /** Every demo user's password. */
    static final String PASSWORD = "demo";

    /** Staff id to role, in the order the sign-in page lists them. */
    static final Map<String, String> ROLES;

    /** What each demo user is, for the sign-in page. */
    static final Map<String, String> DESCRIPTIONS;

    static {
        Map<String, String> roles = new LinkedHashMap<>();
        Map<String, String> what = new LinkedHashMap<>();
        add(roles, what, DemoBook.RM.value(), "RM", "relationship manager, Shanghai (team A)");
        add(roles, what, DemoBook.RM_BEIJING.value(), "RM", "relationship manager, Beijing");
        add(roles, what, DemoBook.MANAGER.value(), "BRANCH_MANAGER", "branch manager, Shanghai");
        add(roles, what, DemoBook.HEAD.value(), "HEAD_OFFICE", "head office");
        add(roles, what, DemoBook.CALL_CENTRE.value(), "CALL_CENTRE", "call centre (identifiers and phones masked)");
        ROLES = java.util.Collections.unmodifiableMap(roles);
        DESCRIPTIONS = java.util.Collections.unmodifiableMap(what);
    }

    private DeskUsers() {}

    private static void add(Map<String, String> roles, Map<String, String> what, String user, String role, String description) {
        roles.put(user, role);
        what.put(user, description);
    }
}

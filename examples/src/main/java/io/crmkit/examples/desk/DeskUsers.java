package io.crmkit.examples.desk;

import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The desk's demo logins and the CRMKit {@link Actor} each acts as: the staff id, the org unit and
 * the governance role (see {@link DeskConfiguration#permissions()}). Immutable and thread-safe.
 */
final class DeskUsers {
    /** Every demo user's password. */
    static final String PASSWORD = "demo";

    static final Map<String, Actor> ACTORS;

    static {
        Map<String, Actor> m = new LinkedHashMap<>();
        m.put("rm", Actor.staff(DemoBook.RM, DemoBook.SHANGHAI_TEAM, "RM"));
        m.put("rm-bj", Actor.staff(DemoBook.RM_BEIJING, DemoBook.BEIJING, "RM"));
        m.put("manager", Actor.staff(DemoBook.MANAGER, DemoBook.SHANGHAI, "BRANCH_MANAGER"));
        m.put("head", Actor.staff(DemoBook.HEAD, DemoBook.HEAD_OFFICE, "HEAD_OFFICE"));
        m.put("callcentre", Actor.staff(DemoBook.CALL_CENTRE, DemoBook.HEAD_OFFICE, "CALL_CENTRE"));
        ACTORS = Map.copyOf(m);
    }

    private DeskUsers() {}

    /** The actor of a signed-in user; empty for anyone else. */
    static Optional<Actor> actor(Authentication authentication) {
        return authentication == null ? Optional.empty() : Optional.ofNullable(ACTORS.get(authentication.getName()));
    }

    static StaffId staff(Actor actor) {
        return StaffId.of(actor.id());
    }

    static OrgUnitId unit(Actor actor) {
        return actor.orgUnit();
    }
}

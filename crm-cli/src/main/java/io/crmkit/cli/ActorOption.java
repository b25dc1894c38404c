package io.crmkit.cli;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Whom the command acts for: {@code --as-job NAME} (a system job, the default {@code crm-cli}) or
 * {@code --as-staff ID --org-unit UNIT [--role R]...}. Every write and read goes through
 * {@code crm.as(actor)}, so the actor is audited and scoped. Not thread-safe.
 */
public final class ActorOption {
    @Option(names = "--as-job", paramLabel = "NAME", description = "act as this system job (default: crm-cli)")
    @Nullable String job;

    @Option(names = "--as-staff", paramLabel = "ID", description = "act as this staff member (needs --org-unit)")
    @Nullable String staff;

    @Option(names = "--org-unit", paramLabel = "UNIT", description = "the staff member's org unit")
    @Nullable String orgUnit;

    @Option(names = "--role", paramLabel = "ROLE", description = "a role of the staff member (repeatable)")
    String[] roles = {};

    public Actor actor() {
        if (staff != null) {
            if (orgUnit == null) {
                throw ValidationException.of("--org-unit", "Required", "--as-staff needs --org-unit");
            }
            return Actor.staff(StaffId.of(staff), OrgUnitId.of(orgUnit), roles);
        }
        return Actor.system(job == null ? "crm-cli" : job);
    }
}

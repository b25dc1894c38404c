package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.OrganisationService;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.error.Violation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link OrganisationService} over the store. Thread-safe. */
final class OrganisationServiceImpl implements OrganisationService {
    private final Engine engine;
    private final Actor actor;

    private final Access access;

    OrganisationServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public OrgUnit addUnit(OrgUnitId id, String name, OrgUnitType type, @Nullable OrgUnitId parent) {
        OrgUnit unit = new OrgUnit(id, name, type, parent, Meta.created(engine.now(), actor.id()));
        return engine.write(access, Operation.ORG_MANAGE, "OrgUnit", id, Call.of("organisation", "addUnit", id, name, type, parent), null,
                unit, () -> {
            if (parent != null && engine.store.orgUnits().findById(parent).isEmpty()) {
                throwIfAny(List.of(Violation.of("parent", "Exists", "is not a known unit")));
            }
            engine.orgChanging();
            return engine.store.orgUnits().save(unit);
        });
    }

    @Override
    public Staff addStaff(StaffId id, String displayName, OrgUnitId unit, Set<String> roles) {
        Staff staff = new Staff(id, displayName, unit, roles, true, Meta.created(engine.now(), actor.id()));
        return engine.write(access, Operation.ORG_MANAGE, "Staff", id, Call.of("organisation", "addStaff", id, displayName, unit, roles),
                null, staff, () -> {
            if (engine.store.orgUnits().findById(unit).isEmpty()) {
                throwIfAny(List.of(Violation.of("unit", "Exists", "is not a known unit")));
            }
            engine.orgChanging();
            return engine.store.staff().save(staff);
        });
    }

    @Override
    public Staff deactivate(StaffId id) {
        Check.notNull(id, "id");
        return engine.write(access, Operation.ORG_MANAGE, "Staff", id, Call.of("organisation", "deactivate", id), null, id, () -> {
            Staff s = engine.store.staff().get(id);
            engine.orgChanging();
            return engine.store.staff().save(new Staff(s.id(), s.displayName(), s.unit(), s.roles(), false,
                    s.meta().touched(engine.now(), actor.id())));
        });
    }

    @Override
    public List<OrgUnit> units() {
        return engine.store.orgUnits().findAll();
    }

    @Override
    public List<OrgUnitId> subtree(OrgUnitId root) {
        Check.notNull(root, "root");
        Map<OrgUnitId, List<OrgUnitId>> children = new HashMap<>();
        for (OrgUnit u : engine.store.orgUnits().findAll()) {
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.id());
            }
        }
        List<OrgUnitId> out = new ArrayList<>();
        Deque<OrgUnitId> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            OrgUnitId next = todo.pop();
            if (!out.contains(next)) {
                out.add(next);
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Staff> staffOf(OrgUnitId unit) {
        Check.notNull(unit, "unit");
        return engine.store.staff().findByUnit(unit);
    }
}

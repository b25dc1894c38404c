package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Staff members: CRUD (inherited) with roles kept, and the direct members of a unit by id. */
public abstract class StaffContract extends RepositoryContract<Staff, StaffId> {

    @Override
    protected Repository<Staff, StaffId> repository() {
        return store().staff();
    }

    @Override
    protected StaffId newId() {
        return Fixtures.staffId();
    }

    @Override
    protected Staff newAggregate(StaffId id) {
        OrgUnit team = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.TEAM, null));
        return new Staff(id, "Chen Jie", team.id(), Set.of("rm", "supervisor"), true,
                Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }

    @Override
    protected Staff changed(Staff stored) {
        return new Staff(stored.id(), stored.displayName(), stored.unit(), Set.of("rm"), false, stored.meta());
    }

    @Test
    @DisplayName("findByUnit lists the unit's own members by id, not those of its sub-units or other units")
    void membersOfUnitById() {
        OrgUnit branch = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.BRANCH, null));
        OrgUnit team = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.TEAM, branch.id()));
        StaffId low = Fixtures.staffId();
        StaffId high = Fixtures.staffId();
        Staff second = store().staff().save(member(high, branch));
        Staff first = store().staff().save(member(low, branch));
        store().staff().save(Fixtures.staff(team.id()));

        assertThat(store().staff().findByUnit(branch.id())).containsExactly(first, second);
    }

    @Test
    @DisplayName("moving a member to another unit moves it between the units' lists")
    void moveBetweenUnits() {
        OrgUnit a = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.TEAM, null));
        OrgUnit b = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.TEAM, null));
        Staff member = store().staff().save(Fixtures.staff(a.id()));

        Staff moved = store().staff().save(new Staff(member.id(), member.displayName(), b.id(), member.roles(),
                member.active(), member.meta()));

        assertThat(store().staff().findByUnit(a.id())).isEmpty();
        assertThat(store().staff().findByUnit(b.id())).containsExactly(moved);
    }

    private static Staff member(StaffId id, OrgUnit unit) {
        return new Staff(id, "Member", unit.id(), Set.of("rm"), true, Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }
}

package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The organisation tree: CRUD (inherited) and every unit by id, parents kept. */
public abstract class OrgUnitContract extends RepositoryContract<OrgUnit, OrgUnitId> {

    @Override
    protected Repository<OrgUnit, OrgUnitId> repository() {
        return store().orgUnits();
    }

    @Override
    protected OrgUnitId newId() {
        return Fixtures.orgUnitId();
    }

    @Override
    protected OrgUnit newAggregate(OrgUnitId id) {
        OrgUnit head = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.HEAD_OFFICE, null));
        return new OrgUnit(id, "Pudong branch", OrgUnitType.BRANCH, head.id(), Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }

    @Override
    protected OrgUnit changed(OrgUnit stored) {
        return new OrgUnit(stored.id(), stored.name() + " (renamed)", stored.type(), null, stored.meta());
    }

    @Test
    @DisplayName("findAll lists a head office, a branch and a team once each, by id, with their parents")
    void treeById() {
        OrgUnit head = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.HEAD_OFFICE, null));
        OrgUnit branch = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.BRANCH, head.id()));
        OrgUnit team = store().orgUnits().save(Fixtures.orgUnit(OrgUnitType.TEAM, branch.id()));

        List<OrgUnit> all = store().orgUnits().findAll();

        assertThat(all).extracting(OrgUnit::id).doesNotHaveDuplicates().isSorted();
        assertThat(all).containsSubsequence(head, branch, team);
        assertThat(store().orgUnits().get(team.id()).parent()).isEqualTo(branch.id());
    }
}

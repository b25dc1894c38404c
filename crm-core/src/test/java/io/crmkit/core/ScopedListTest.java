package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.DataScope;
import io.crmkit.core.spi.PageRequest;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A scope on the query narrows a session's list; the session's own scope never widens or replaces it")
class ScopedListTest {
    @Test
    void queryScopeNarrowsAndActorScopeStillApplies() {
        Crm crm = Crm.builder().permissions(Permissions.builder()
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("BM").grant(Depth.BRANCH, Operation.CUSTOMER_READ).build()).build()).build();
        CrmSession admin = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        admin.organisation().addUnit(OrgUnitId.of("ho"), "HO", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(OrgUnitId.of("b1"), "B1", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        admin.organisation().addUnit(OrgUnitId.of("b2"), "B2", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        for (int i = 0; i < 12; i++) {
            admin.customers().register(NewCustomer.individual("C" + i).branch(OrgUnitId.of(i % 2 == 0 ? "b1" : "b2")).active().build());
        }
        DataScope b2 = DataScope.of(Set.of(), Set.of(OrgUnitId.of("b2")));
        assertThat(admin.customers().list(CustomerQuery.all().within(b2), PageRequest.first(100)).items())
                .hasSize(6).allMatch(c -> c.branch().equals(OrgUnitId.of("b2")));
        CrmSession bm = crm.as(Actor.staff(StaffId.of("bm"), OrgUnitId.of("b1"), "BM"));
        assertThat(bm.customers().list(CustomerQuery.all().within(b2), PageRequest.first(100)).items()).isEmpty();
        assertThat(bm.customers().list(CustomerQuery.all(), PageRequest.first(100)).items()).hasSize(6)
                .allMatch(c -> c.branch().equals(OrgUnitId.of("b1")));
    }
}

package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scopes are resolved over an org chart the engine shares between sessions: a fresh session reads
 * no org data once another has, and every session, new or long-lived, follows an org change made
 * by any session — and does not follow one that was rolled back.
 */
@DisplayName("Data scopes over the shared org chart: cheap for fresh sessions, correct after org changes")
class OrgChartScopeTest {
    private static final OrgUnitId HO = OrgUnitId.of("ho");
    private static final OrgUnitId B1 = OrgUnitId.of("b1");
    private static final OrgUnitId B2 = OrgUnitId.of("b2");
    private static final Actor MANAGER = Actor.staff(StaffId.of("bm-1"), B1, "BM");

    private final AtomicInteger orgReads = new AtomicInteger();
    private Crm crm;
    private CrmSession admin;

    @BeforeEach
    void org() {
        crm = Crm.builder().store(counting(InMemoryCrmStore.create())).permissions(Permissions.builder()
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("BM").grant(Depth.BRANCH, Operation.CUSTOMER_READ).build()).build()).build();
        admin = crm.as(Actor.staff(StaffId.of("admin"), HO, "ADMIN"));
        admin.organisation().addUnit(HO, "HO", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(B1, "B1", OrgUnitType.BRANCH, HO);
        admin.organisation().addUnit(B2, "B2", OrgUnitType.BRANCH, HO);
        admin.organisation().addUnit(OrgUnitId.of("b1t1"), "T1", OrgUnitType.TEAM, B1);
        admin.organisation().addStaff(StaffId.of("rm-1"), "RM 1", OrgUnitId.of("b1t1"), Set.of("RM"));
        admin.organisation().addStaff(MANAGER.staffId(), "BM 1", B1, Set.of("BM"));
    }

    /** The store, counting the calls that read the org tree or staff. */
    private CrmStore counting(CrmStore store) {
        return (CrmStore) Proxy.newProxyInstance(CrmStore.class.getClassLoader(), new Class<?>[] {CrmStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("orgUnits") || method.getName().equals("staff")) {
                        orgReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private CustomerId ownedBy(String owner, OrgUnitId branch) {
        return admin.customers().register(NewCustomer.individual("C").owner(StaffId.of(owner)).branch(branch).active().build())
                .id();
    }

    private static boolean sees(CrmSession session, CustomerId id) {
        try {
            session.customers().view(id);
            return true;
        } catch (NotFoundException hidden) {
            return false;
        }
    }

    @Test
    @DisplayName("once one session has resolved its scope, a fresh session's first view reads no org data")
    void freshSessionsReadNoOrgData() {
        CustomerId mine = ownedBy("rm-1", B2); // in scope through its owner, not its branch
        assertThat(sees(crm.as(MANAGER), mine)).isTrue();
        orgReads.set(0);
        for (int i = 0; i < 5; i++) {
            assertThat(sees(crm.as(MANAGER), mine)).isTrue();
        }
        assertThat(orgReads).as("org reads by five fresh sessions").hasValue(0);
    }

    @Test
    @DisplayName("a manager's open session sees the customers of staff and teams added to the branch by another session")
    void openSessionFollowsAddedStaffAndUnits() {
        CrmSession manager = crm.as(MANAGER);
        CustomerId newcomers = ownedBy("rm-new", B2);
        CustomerId newTeams = ownedBy("rm-t2", B2);
        assertThat(sees(manager, newcomers)).isFalse();
        assertThat(sees(manager, newTeams)).isFalse();

        admin.organisation().addStaff(StaffId.of("rm-new"), "RM new", OrgUnitId.of("b1t1"), Set.of("RM"));
        assertThat(sees(manager, newcomers)).as("staff added to a team of the branch").isTrue();
        assertThat(sees(crm.as(MANAGER), newcomers)).as("and a fresh session").isTrue();

        admin.organisation().addUnit(OrgUnitId.of("b1t2"), "T2", OrgUnitType.TEAM, B1);
        admin.organisation().addStaff(StaffId.of("rm-t2"), "RM t2", OrgUnitId.of("b1t2"), Set.of("RM"));
        assertThat(sees(manager, newTeams)).as("a team added under the branch, and its staff").isTrue();
    }

    @Test
    @DisplayName("staff added to another branch stay out of the manager's scope")
    void otherBranchStaysHidden() {
        CrmSession manager = crm.as(MANAGER);
        CustomerId theirs = ownedBy("rm-b2", B2);
        assertThat(sees(manager, theirs)).isFalse();
        admin.organisation().addUnit(OrgUnitId.of("b2t1"), "T1", OrgUnitType.TEAM, B2);
        admin.organisation().addStaff(StaffId.of("rm-b2"), "RM b2", OrgUnitId.of("b2t1"), Set.of("RM"));
        assertThat(sees(manager, theirs)).isFalse();
        assertThat(sees(crm.as(Actor.staff(StaffId.of("bm-2"), B2, "BM")), theirs)).isTrue();
    }

    @Test
    @DisplayName("an org change rolled back leaves every scope as it was, even one resolved while it was pending")
    void rolledBackChangeIsForgotten() {
        CrmSession manager = crm.as(MANAGER);
        CustomerId newcomers = ownedBy("rm-gone", B2);
        assertThat(sees(manager, newcomers)).isFalse();
        assertThatThrownBy(() -> admin.inTransaction(() -> {
            admin.organisation().addStaff(StaffId.of("rm-gone"), "RM gone", OrgUnitId.of("b1t1"), Set.of("RM"));
            sees(manager, newcomers); // resolves the manager's scope while the change is pending
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sees(manager, newcomers)).as("after the rollback").isFalse();
        assertThat(sees(crm.as(MANAGER), newcomers)).as("a fresh session after the rollback").isFalse();
    }
}

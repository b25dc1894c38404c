package io.crmkit.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The feature reader reads only what the actor's analytics grant reaches")
class ScopedReaderTest {
    @Test
    void readsTheBranchForABranchAnalystAndRefusesAnActorWithoutTheGrant() {
        Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC))
                .permissions(Permissions.builder()
                        .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                        .role(Role.builder("ANALYST").grant(Depth.BRANCH, Operation.ANALYTICS_READ).build())
                        .role(Role.builder("RM").grant(Depth.OWN, Operation.CUSTOMER_READ).build()).build())
                .build();
        CrmSession admin = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        admin.organisation().addUnit(OrgUnitId.of("ho"), "HO", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(OrgUnitId.of("b1"), "B1", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        admin.organisation().addUnit(OrgUnitId.of("b2"), "B2", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        Set<String> inB1 = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            OrgUnitId branch = OrgUnitId.of(i % 3 == 0 ? "b1" : "b2");
            String id = admin.customers().register(NewCustomer.individual("C " + i).branch(branch).active().build()).id().value();
            if (branch.value().equals("b1")) {
                inB1.add(id);
            }
        }
        StoreFeatureReader reader = StoreFeatureReader.custom().clock(crm.clock()).build();
        FeatureFrame branch = reader.read(crm, Actor.staff(StaffId.of("an-1"), OrgUnitId.of("b1"), "ANALYST"), ProgressListener.none());
        assertThat(branch.size()).isEqualTo(inB1.size());
        for (int r = 0; r < branch.size(); r++) {
            assertThat(inB1).contains(branch.customerKey(r));
        }
        assertThat(reader.read(crm, Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"), ProgressListener.none()).size())
                .isEqualTo(30);
        assertThatThrownBy(() -> reader.read(crm, Actor.staff(StaffId.of("rm-1"), OrgUnitId.of("b1"), "RM"), ProgressListener.none()))
                .isInstanceOf(AccessDeniedException.class);
    }
}

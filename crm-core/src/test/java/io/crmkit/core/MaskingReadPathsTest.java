package io.crmkit.core;

import static io.crmkit.core.Fixtures.CANARY_EMAIL;
import static io.crmkit.core.Fixtures.CANARY_ID;
import static io.crmkit.core.Fixtures.CANARY_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Masks;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Masking: the display helpers and every read path of a masking role")
class MaskingReadPathsTest {

    @Test
    @DisplayName("the display helpers keep the head and tail the firms show and hide the rest")
    void displayHelpers() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("138-1234 5678")).isEqualTo("138****5678");
        assertThat(Masks.phone("+8613812345678")).isEqualTo("+86*******5678");
        assertThat(Masks.nationalId("110101199003071234")).isEqualTo("110***********1234");
        assertThat(Masks.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(Masks.name("张伟")).isEqualTo("张**");
        assertThat(Masks.name("Zhang Wei")).isEqualTo("Z***");
        assertThat(Masks.address(new PostalAddress(List.of("1 Century Ave"), "Shanghai", null, "200120", "CN")))
                .satisfies(a -> {
                    assertThat(a.lines()).containsExactly("***");
                    assertThat(a.postalCode()).isNull();
                    assertThat(a.city()).isEqualTo("Shanghai");
                });
        // short values: still at least three stars, most of the value hidden
        assertThat(Masks.nationalId("AB12")).isEqualTo("A***2");
        assertThat(Masks.keep("x", 3, 4)).isEqualTo("***");
    }

    @Test
    @DisplayName("the helpers refuse null, blank and oversized input with the library's validation error")
    void helpersRefuseBadInput() {
        assertThatThrownBy(() -> Masks.phone(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Masks.nationalId(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Masks.email("x".repeat(300))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Masks.keep("abc", -1, 2)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("a masking checker sees a parked change with its identifiers, phones and emails masked, and approving it applies the real values")
    void pendingRequestsAreMaskedForMaskingRoles() {
        StaffId rm = Fixtures.RM;
        OrgUnitId branch = Fixtures.BRANCH;
        Permissions permissions = Permissions.builder()
                .role(Role.builder("RM").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("MASKED_CHECKER").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.APPROVE)
                        .mask(FieldMask.values()).build())
                .build();
        Crm crm = Crm.builder().clock(Fixtures.clock()).permissions(permissions)
                .fourEyes(FourEyes.builder().rule(ApprovalRule.identifierChange()).build()).build();
        CrmSession maker = crm.as(Actor.staff(rm, branch, "RM"));
        CrmSession checker = crm.as(Actor.staff(StaffId.of("checker-1"), branch, "MASKED_CHECKER"));
        Customer c = maker.customers().register(Fixtures.canary());
        Identifier passport = Identifier.passport("CN", "E12345678");
        assertThatThrownBy(() -> maker.customers().update(c.withIdentifier(passport)))
                .isInstanceOf(ApprovalRequiredException.class);

        PendingRequest seen = checker.approvals().forCustomer(c.id()).get(0);
        assertThat(seen.arguments()).doesNotContain(CANARY_ID).doesNotContain("E12345678")
                .doesNotContain(CANARY_PHONE).doesNotContain(CANARY_EMAIL).doesNotContain("1949-12-31")
                .contains("110***********002X").contains("+86*******5678");
        assertThat(checker.approvals().get(seen.id()).arguments()).isEqualTo(seen.arguments());
        assertThat(checker.approvals().pending(io.crmkit.core.spi.PageRequest.first(10)).items())
                .extracting(PendingRequest::arguments).containsExactly(seen.arguments());
        // the maker, who masks nothing, sees the parked change as it is
        assertThat(maker.approvals().forCustomer(c.id()).get(0).arguments()).contains(CANARY_ID);

        checker.approvals().approve(seen.id(), "checked");
        Customer after = maker.customers().get(c.id());
        assertThat(after.identifiers()).contains(Identifier.nationalId("CN", CANARY_ID), passport);
        assertThat(checker.customers().get(c.id()).identifiers()).allSatisfy(i -> assertThat(i.isMasked()).isTrue());
        assertThat(checker.customers().get(c.id()).contactPoints()).extracting(ContactPoint::value)
                .containsExactly("+86*******5678", "c***@example.com");
    }
}

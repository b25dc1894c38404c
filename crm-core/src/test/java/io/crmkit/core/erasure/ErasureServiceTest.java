package io.crmkit.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Erasure service: input, permissions and approval rules")
class ErasureServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:30:00Z"), ZoneOffset.UTC);
    private static final StaffId RM = StaffId.of("rm-1");

    private static Actor staff(String id, String role) {
        return Actor.staff(StaffId.of(id), OrgUnitId.of("br-1"), role);
    }

    private static Customer customer(Crm crm) {
        return crm.as(staff("rm-1", "RM")).customers().register(NewCustomer.individual("Zhang Wei").owner(RM).active().build());
    }

    @Test
    @DisplayName("a blank reason or a null customer is refused naming the field, and nothing waits")
    void badInput() {
        Crm crm = Crm.builder().clock(CLOCK).audit(true).build();
        Customer c = customer(crm);
        CrmSession rm = crm.as(staff("rm-1", "RM"));
        assertThatThrownBy(() -> rm.erasure().request(c.id(), " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> rm.erasure().request(null, "dsr")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerId");
        assertThatThrownBy(() -> rm.erasure().request(c.id(), "x".repeat(201))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> rm.erasure().get(ErasureId.of("nope"))).isInstanceOf(io.crmkit.core.error.NotFoundException.class);
        assertThatThrownBy(() -> rm.erasure().holds(CustomerId.of("nobody"))).isInstanceOf(io.crmkit.core.error.NotFoundException.class);
        assertThat(rm.approvals().forCustomer(c.id())).isEmpty();
    }

    @Test
    @DisplayName("a Crm without an audit trail refuses erasure with a clear StoreException")
    void needsAudit() {
        Crm crm = Crm.builder().clock(CLOCK).audit(false).build();
        Customer c = customer(crm);
        assertThatThrownBy(() -> crm.as(staff("rm-1", "RM")).erasure().request(c.id(), "dsr"))
                .isInstanceOf(StoreException.class).hasMessageContaining("maker-checker");
    }

    @Test
    @DisplayName("requesting needs customer.erase on the customer, the job needs it at depth ALL")
    void permissions() {
        Permissions permissions = Permissions.builder()
                .role(Role.builder("RM").grant(Depth.OWN, Operation.CUSTOMER_READ, Operation.CUSTOMER_REGISTER).build())
                .role(Role.builder("DPO").grant(Depth.BRANCH, Operation.CUSTOMER_READ, Operation.CUSTOMER_ERASE).build())
                .role(Role.builder("JOB").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.CUSTOMER_ERASE).build())
                .build();
        Crm crm = Crm.builder().clock(CLOCK).permissions(permissions).build();
        Customer c = crm.as(Actor.staff(RM, OrgUnitId.of("br-1"), "RM")).customers()
                .register(NewCustomer.individual("Zhang Wei").owner(RM).branch(OrgUnitId.of("br-1")).active().build());
        assertThatThrownBy(() -> crm.as(Actor.staff(RM, OrgUnitId.of("br-1"), "RM")).erasure().request(c.id(), "dsr"))
                .isInstanceOf(AccessDeniedException.class);
        CrmSession dpo = crm.as(staff("dpo-1", "DPO"));
        assertThatThrownBy(() -> dpo.erasure().request(c.id(), "dsr")).isInstanceOf(ApprovalRequiredException.class);
        assertThatThrownBy(() -> dpo.erasure().runDue()).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(Actor.system("erasure-job", "JOB")).erasure().runDue()).isZero();
    }

    @Test
    @DisplayName("a configured erasure rule with two approvers applies only after the second")
    void configuredRuleWins() {
        Crm crm = Crm.builder().clock(CLOCK).fourEyes(FourEyes.builder().rule(ApprovalRule.erasure().approvers(2)).build())
                .retention(Retention.of(RetentionRule.of("csrc-brokerage-20y", ProductLine.BROKERAGE, Period.ofYears(20)))).build();
        Customer c = customer(crm);
        CrmSession rm = crm.as(staff("rm-1", "RM"));
        ApprovalRequiredException parked = org.junit.jupiter.api.Assertions.assertThrows(ApprovalRequiredException.class,
                () -> rm.erasure().request(c.id(), "dsr"));
        PendingRequest first = crm.as(staff("bm-1", "BM")).approvals().approve(parked.requestId(), "one");
        assertThat(first.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(crm.store().customers().findById(c.id()).orElseThrow().name().legal()).isEqualTo("Zhang Wei");
        crm.as(staff("co-1", "CO")).approvals().approve(parked.requestId(), "two");
        Customer erased = crm.store().customers().findById(c.id()).orElseThrow();
        assertThat(erased.name().legal()).isEqualTo("[erased]");
        assertThat(erased.lifecycle()).isEqualTo(c.lifecycle());
        assertThat(rm.erasure().forCustomer(c.id())).singleElement()
                .satisfies(e -> assertThat(e.approvedBy()).containsExactly("bm-1", "co-1"));
    }

    @Test
    @DisplayName("a retention rule refuses bad configuration naming the field")
    void ruleValidation() {
        assertThatThrownBy(() -> RetentionRule.of("r", ProductLine.BROKERAGE, Period.ofYears(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("retention.afterClosure");
        assertThatThrownBy(() -> RetentionRule.of("bad name", ProductLine.BROKERAGE, Period.ofYears(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("retention.name");
        assertThatThrownBy(() -> RetentionRule.of("r", null, Period.ofYears(1))).isInstanceOf(ValidationException.class);
        assertThat(RetentionRule.of("r", ProductLine.DEPOSIT, Period.ofYears(5)).refusing().refuse()).isTrue();
    }
}

package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.CustomerService.Registration;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("customers › registerAll: a batch of registrations in one unit of work")
class RegisterAllTest {
    private final InMemoryCrmStore store = InMemoryCrmStore.create();
    private final List<CrmEvent> events = Collections.synchronizedList(new ArrayList<>());

    private Crm crm(FourEyes fourEyes) {
        Crm crm = Crm.builder().store(store).clock(Fixtures.clock()).listener(events::add).fourEyes(fourEyes)
                .permissions(Permissions.builder()
                        .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                        .role(Role.builder("RM").grant(Depth.OWN, Operation.CUSTOMER_READ, Operation.CUSTOMER_REGISTER).build())
                        .build())
                .build();
        CrmSession admin = crm.as(admin());
        if (store.orgUnits().findById(Fixtures.BRANCH).isEmpty()) {
            admin.organisation().addUnit(Fixtures.BRANCH, "Branch", OrgUnitType.BRANCH, null);
            admin.organisation().addStaff(Fixtures.RM, "RM", Fixtures.BRANCH, java.util.Set.of("RM"));
        }
        return crm;
    }

    private static Actor admin() {
        return Actor.staff(StaffId.of("admin"), Fixtures.BRANCH, "ADMIN");
    }

    private static NewCustomer withId(String number) {
        return Fixtures.individual().identifier(Identifier.external("core-banking", number))
                .build();
    }

    @Test
    @DisplayName("good records go in with one audit entry and one event each; bad ones are reported by index")
    void mixedBatch() {
        Crm crm = crm(FourEyes.none());
        CrmSession s = crm.as(Fixtures.RM_ACTOR);
        Customer existing = s.customers().register(withId("A-1"));
        events.clear();
        List<NewCustomer> batch = List.of(
                withId("B-1"),
                Fixtures.individual().birthDate(LocalDate.of(2999, 1, 1)).build(),  // implausible birth date
                withId("A-1"),                                                        // held by a stored customer
                withId("B-2"),
                withId("B-2"));                                                       // claimed by the record before

        List<Registration> done = s.customers().registerAll(batch);

        assertThat(done).hasSize(5);
        assertThat(done).extracting(Registration::isRegistered).containsExactly(true, false, false, true, false);
        assertThat(done.get(1).violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("birthDate", "PlausibleDate"));
        assertThat(done.get(2).violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("identifiers[0]", "DuplicateKey"));
        assertThat(done.get(4).violations()).extracting(Violation::rule).containsExactly("DuplicateKey");
        assertThat(store.customers().count(CustomerQuery.all())).isEqualTo(3);
        for (int i : new int[] {0, 3}) {
            Customer c = done.get(i).customer();
            assertThat(s.customers().get(c.id())).isEqualTo(c);
            List<AuditEntry> trail = crm.as(admin()).audit().forCustomer(c.id(), PageRequest.first(10)).items();
            assertThat(trail).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("CREATE");
                assertThat(e.operation()).isEqualTo(Operation.CUSTOMER_REGISTER.code());
                assertThat(e.seq()).isEqualTo(1);
            });
        }
        assertThat(events).filteredOn(e -> e instanceof CrmEvent.CustomerRegistered).extracting(CrmEvent::customerId)
                .containsExactly(done.get(0).customer().id(), done.get(3).customer().id());
        assertThat(crm(FourEyes.none()).as(admin()).audit().verify().problems()).isEmpty();
        assertThat(existing.id()).isNotIn(done.get(0).customer().id(), done.get(3).customer().id());
    }

    @Test
    @DisplayName("a record registers exactly as register would store it")
    void sameAsRegister() {
        CrmSession s = crm(FourEyes.none()).as(Fixtures.RM_ACTOR);
        NewCustomer one = Fixtures.canary();
        Customer single = s.customers().register(one);
        crm(FourEyes.none()).as(admin()).customers().update(single.withIdentifiers(List.of()));
        Customer batched = s.customers().registerAll(List.of(one)).get(0).customer();
        Customer stored = store.customers().findById(batched.id()).orElseThrow();
        Customer reference = store.customers().findById(single.id()).orElseThrow();
        assertThat(stored.withIdentifiers(List.of()).withMeta(reference.meta()))
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(reference.withMeta(reference.meta()));
    }

    @Test
    @DisplayName("a record outside the actor's scope fails the batch, and nothing of it is written")
    void scope() {
        CrmSession s = crm(FourEyes.none()).as(Fixtures.RM_ACTOR);
        NewCustomer foreign = NewCustomer.individual("Not Mine").owner(StaffId.of("rm-other")).branch(Fixtures.BRANCH).active().build();
        assertThatThrownBy(() -> s.customers().registerAll(List.of(withId("C-1"), foreign)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.customers().count(CustomerQuery.all())).isZero();
        assertThat(events).noneMatch(e -> e instanceof CrmEvent.CustomerRegistered);
    }

    @Test
    @DisplayName("a parked registration is seen and approved by a checker whose scope takes in the new customer, "
            + "and creates it under the id it was parked with; a checker without it sees nothing")
    void parkedRegistrationIsApproved() {
        Crm crm = crm(FourEyes.builder().rule(ApprovalRule.always("new-customer", Operation.CUSTOMER_REGISTER)).build());
        Registration parked = crm.as(Fixtures.RM_ACTOR).customers().registerAll(List.of(withId("P-1"))).get(0);
        io.crmkit.core.approval.PendingRequest request = store.approvals().findById(parked.pending()).orElseThrow();
        CrmSession outsider = crm.as(Actor.staff(StaffId.of("rm-other"), Fixtures.BRANCH, "RM"));
        assertThatThrownBy(() -> outsider.approvals().get(request.id()))
                .isInstanceOf(io.crmkit.core.error.NotFoundException.class);
        assertThatThrownBy(() -> outsider.approvals().approve(request.id(), "ok")) // no approve grant: refused before any look-up
                .isInstanceOf(AccessDeniedException.class).hasMessageNotContaining(request.customerId().value());
        CrmSession checker = crm.as(admin());
        assertThat(checker.approvals().get(request.id()).id()).isEqualTo(request.id());
        assertThat(checker.approvals().approve(request.id(), "checked").status())
                .isEqualTo(io.crmkit.core.approval.RequestStatus.APPROVED);
        Customer created = store.customers().findById(request.customerId()).orElseThrow();
        assertThat(created.owner()).isEqualTo(Fixtures.RM);
        assertThat(store.customers().count(CustomerQuery.all())).isEqualTo(1);
        assertThat(checker.audit().verify().problems()).isEmpty();
    }

    @Test
    @DisplayName("with maker-checker on registration each record waits for approval on its own")
    void makerChecker() {
        Crm crm = crm(FourEyes.builder().rule(ApprovalRule.always("new-customer", Operation.CUSTOMER_REGISTER)).build());
        CrmSession maker = crm.as(Fixtures.RM_ACTOR);
        List<Registration> done = maker.customers().registerAll(List.of(withId("D-1"), withId("D-2")));
        assertThat(done).allSatisfy(r -> assertThat(r.pending()).isNotNull());
        assertThat(store.customers().count(CustomerQuery.all())).isZero();
        assertThat(done).allSatisfy(r -> assertThat(store.approvals().findById(r.pending())).hasValueSatisfying(
                p -> assertThat(p.status()).isEqualTo(io.crmkit.core.approval.RequestStatus.PENDING)));
        assertThat(done.get(0).pending()).isNotEqualTo(done.get(1).pending());
    }

    @Test
    @DisplayName("a batch over the limit is refused by field and rule")
    void limit() {
        CrmSession s = crm(FourEyes.none()).as(Fixtures.RM_ACTOR);
        List<NewCustomer> many = Collections.nCopies(CustomerService.MAX_BATCH + 1, withId("E-1"));
        assertThatThrownBy(() -> s.customers().registerAll(many)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("customers", "Size")));
        assertThatThrownBy(() -> s.customers().registerAll(null)).isInstanceOf(ValidationException.class);
    }
}
